package org.bayan.ingest.page;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.bayan.ingest.HtmlText;
import org.bayan.ingest.RawRecord;
import org.bayan.ingest.ReleaseIds;
import org.bayan.statement.PageRules;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads one release out of an agency's HTML page, as a release record to validate like any other.
 *
 * <p>Each part uses the agency's selector when it has one and it matches, else the fallback:
 * <ul>
 *   <li>title: {@code meta[property=og:title]}, else the first {@code h1}, else {@code <title>};</li>
 *   <li>date: {@code time[datetime]}, else {@code meta[property=article:published_time]}, else
 *       {@code meta[name=date]}; the selected element's {@code datetime} or {@code content} attribute, else its
 *       text, as ISO-8601;</li>
 *   <li>body: {@code article}, else {@code main}, else the element with the most text directly in its
 *       paragraphs (the largest text block), as text with one line per paragraph.</li>
 * </ul>
 * The id is the agency slug and the page URL; source_url is the URL; language is the page's {@code lang} when
 * it is ar or en.
 */
public final class PageExtractor {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PageExtractor() {}

  public static RawRecord extract(byte[] html, String charsetHint, String url, String agency, PageRules rules) {
    Document doc = Jsoup.parse(new String(html, charset(charsetHint)), url);
    PageRules r = rules == null ? new PageRules(null, null, null, null) : rules;
    ObjectNode o = JSON.createObjectNode();
    o.put("id", ReleaseIds.of(agency, url));
    o.put("agency", agency);
    o.put("title", title(doc, r.title()));
    o.put("body", body(doc, r.body()));
    String date = date(doc, r.date());
    if (date != null) o.put("published_at", date);
    o.put("source_url", url);
    String lang = doc.select("html[lang]").attr("lang").toLowerCase(Locale.ROOT);
    if (lang.startsWith("ar")) o.put("language", "ar");
    else if (lang.startsWith("en")) o.put("language", "en");
    return RawRecord.mapped(url, 0, o.toString());
  }

  static String title(Document doc, String selector) {
    Element e = select(doc, selector);
    if (e != null) return HtmlText.of(e);
    String og = doc.select("meta[property=og:title]").attr("content");
    if (!og.isBlank()) return og.strip();
    Element h1 = doc.selectFirst("h1");
    if (h1 != null) return HtmlText.of(h1);
    return doc.title().strip();
  }

  static String date(Document doc, String selector) {
    Element e = select(doc, selector);
    if (e == null) e = doc.selectFirst("time[datetime]");
    if (e == null) e = doc.selectFirst("meta[property=article:published_time]");
    if (e == null) e = doc.selectFirst("meta[name=date]");
    if (e == null) return null;
    String v = e.hasAttr("datetime") ? e.attr("datetime") : e.hasAttr("content") ? e.attr("content") : e.text();
    return iso(v.strip());
  }

  // ISO-8601 as the release format wants it; a value without an offset keeps only its day.
  private static String iso(String v) {
    try {
      return OffsetDateTime.parse(v).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException ignored) {
      // next form
    }
    try {
      return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime()
          .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException ignored) {
      // next form
    }
    if (v.length() >= 10) {
      try {
        return LocalDate.parse(v.substring(0, 10)).toString();
      } catch (DateTimeParseException ignored) {
        // not a date
      }
    }
    return v; // passed on as found, so the rejection quotes it
  }

  static String body(Document doc, String selector) {
    Element e = select(doc, selector);
    if (e == null) e = doc.selectFirst("article");
    if (e == null) e = doc.selectFirst("main");
    if (e == null) e = largestTextBlock(doc);
    if (e == null) return "";
    e = e.clone();
    e.select("script, style, nav, header, footer, aside, form").remove();
    return HtmlText.of(e);
  }

  // The element whose own paragraphs and text hold the most characters: the release, not the menus.
  private static Element largestTextBlock(Document doc) {
    Element best = null;
    int bestLen = 0;
    for (Element e : doc.body().select("div, section, td, body")) {
      int len = 0;
      for (Element child : e.children()) if (child.nameIs("p")) len += child.text().length();
      len += e.ownText().length();
      if (len > bestLen) {
        bestLen = len;
        best = e;
      }
    }
    return best;
  }

  private static Element select(Document doc, String selector) {
    if (selector == null || selector.isBlank()) return null;
    try {
      return doc.selectFirst(selector);
    } catch (org.jsoup.select.Selector.SelectorParseException e) {
      throw new IllegalArgumentException("the agency's page selector '" + selector + "' is not valid CSS: " + e.getMessage(), e);
    }
  }

  private static java.nio.charset.Charset charset(String contentType) {
    if (contentType != null) {
      int i = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
      if (i >= 0) {
        try {
          return java.nio.charset.Charset.forName(contentType.substring(i + 8).replace("\"", "").strip());
        } catch (RuntimeException ignored) {
          // unknown name: fall back to UTF-8
        }
      }
    }
    return StandardCharsets.UTF_8;
  }
}
