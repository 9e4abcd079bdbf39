package org.bayan.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.bayan.search.Hit;
import org.bayan.search.SearchResponse;

/**
 * A page of hits as an Atom 1.0 feed (RFC 4287). Titles and summaries are the hits' HTML fragments (escaped
 * statement text with {@code <mark>}), carried as {@code type="html"} and escaped again for XML.
 */
final class AtomFeed {
  private AtomFeed() {}

  static String render(SearchResponse page, String base, String selfUrl, String query) {
    StringBuilder x = new StringBuilder(4096);
    x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    x.append("  <id>").append(xml(selfUrl)).append("</id>\n");
    x.append("  <title>").append(xml(query.isBlank() ? "Bayan: latest statements" : "Bayan: " + query))
        .append("</title>\n");
    x.append("  <updated>").append(updated(page)).append("</updated>\n");
    x.append("  <author><name>Bayan</name></author>\n");
    x.append("  <generator>Bayan</generator>\n");
    x.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"").append(xml(selfUrl)).append("\"/>\n");
    x.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(base + "/")).append("\"/>\n");
    for (Hit h : page.hits()) {
      String link = base + "/s/" + urlPath(h.id());
      x.append("  <entry>\n");
      x.append("    <id>").append(xml(link)).append("</id>\n");
      x.append("    <title type=\"html\">").append(xml(h.title())).append("</title>\n");
      x.append("    <updated>").append(rfc3339(h.publishedAt())).append("</updated>\n");
      x.append("    <published>").append(rfc3339(h.publishedAt())).append("</published>\n");
      x.append("    <author><name>").append(xml(author(h))).append("</name></author>\n");
      x.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(link)).append("\"/>\n");
      if (h.sourceUrl() != null) {
        x.append("    <link rel=\"via\" href=\"").append(xml(h.sourceUrl())).append("\"/>\n");
      }
      x.append("    <summary type=\"html\">").append(xml(h.snippet())).append("</summary>\n");
      x.append("  </entry>\n");
    }
    x.append("</feed>\n");
    return x.toString();
  }

  private static String author(Hit h) {
    if (h.agency() == null) return "unknown";
    if (h.agency().nameEn() != null && !h.agency().nameEn().isBlank()) return h.agency().nameEn();
    if (h.agency().nameAr() != null && !h.agency().nameAr().isBlank()) return h.agency().nameAr();
    return h.agency().id();
  }

  private static String updated(SearchResponse page) {
    // Entries are newest first, so the first one is when the feed last changed.
    if (!page.hits().isEmpty()) return rfc3339(page.hits().getFirst().publishedAt());
    return DateTimeFormatter.ISO_INSTANT.format(Instant.EPOCH);
  }

  /** A bare date is the start of that day in UTC (as for sorting); a date-time keeps its offset. */
  static String rfc3339(String publishedAt) {
    if (publishedAt.length() == 10) {
      return LocalDate.parse(publishedAt).atStartOfDay().atOffset(ZoneOffset.UTC)
          .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).replace("+00:00", "Z");
    }
    return OffsetDateTime.parse(publishedAt).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private static String urlPath(String id) {
    return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Escapes for XML text and attributes, dropping characters XML 1.0 cannot carry. */
  static String xml(String s) {
    if (s == null) return "";
    StringBuilder out = new StringBuilder(s.length() + 16);
    s.codePoints().forEach(c -> {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
          if (allowed) out.appendCodePoint(c);
        }
      }
    });
    return out.toString();
  }
}
