package org.bayan.search.claims;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bayan.statement.Agency;

/**
 * How a fact-checker cites a statement: a plain-text citation, and a schema.org description to put in a
 * ClaimReview (as the {@code appearance} of the claim it reviews, or as evidence). Both carry the SHA-256 of
 * the statement's canonical form, so a reader can check the text was not changed after it was cited.
 */
public final class Citations {
  private Citations() {}

  /**
   * {@code Agency, “Title,” 2024-05-01. https://…/s/id (SHA-256 …). Source: https://agency…} in English;
   * {@code الجهة، «العنوان»، 2024-05-01. https://…/s/id (SHA-256 …)، المصدر: https://agency…} in Arabic. The
   * permalink is absolute when {@code permalink} is; the agency's own link follows Bayan's when there is one.
   */
  public static String text(Agency agency, String agencyId, String title, String published, String permalink,
      String sha256, String sourceUrl, String lang) {
    String name = name(agency, agencyId, lang);
    boolean ar = "ar".equals(lang);
    String day = day(published);
    StringBuilder b = new StringBuilder(name);
    if (ar) {
      if (title != null && !title.isBlank()) b.append("، ").append(quote(title, lang));
      b.append("، ").append(day).append(". ").append(permalink).append(" (SHA-256 ").append(sha256).append(")");
      if (sourceUrl != null && !sourceUrl.isBlank()) b.append("، المصدر: ").append(sourceUrl);
    } else {
      // English puts the comma inside the closing quote.
      if (title != null && !title.isBlank()) {
        String q = quote(title, lang);
        b.append(", ").append(q, 0, q.length() - 1).append(",”");
      } else {
        b.append(',');
      }
      b.append(' ').append(day).append(". ").append(permalink).append(" (SHA-256 ").append(sha256).append(")");
      if (sourceUrl != null && !sourceUrl.isBlank()) b.append(". Source: ").append(sourceUrl);
    }
    return b.toString();
  }

  /**
   * A title in the quotation marks of the citation's language, its own quotation marks turned into the inner
   * ones so that quotes never nest in the same marks: «…» around “…” in Arabic, “…” around ‘…’ in English.
   * Straight quotes {@code "} in the title alternate as opening and closing marks.
   */
  public static String quote(String title, String lang) {
    boolean ar = "ar".equals(lang);
    String t = title.strip().replaceAll("\\s+", " ");
    char open = ar ? '“' : '‘';
    char close = ar ? '”' : '’';
    StringBuilder inner = new StringBuilder(t.length());
    boolean opened = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      switch (c) {
        case '«', '“', '„' -> inner.append(open);
        case '»', '”' -> inner.append(close);
        case '"' -> {
          inner.append(opened ? close : open);
          opened = !opened;
        }
        default -> inner.append(c);
      }
    }
    return ar ? "«" + inner + "»" : "“" + inner + "”";
  }

  /**
   * The calendar day a statement is dated (ISO {@code 2024-05-01}, in the agency's own offset), never a
   * timestamp; the text unchanged when it is not a date.
   */
  public static String day(String published) {
    if (published == null) return "";
    try {
      if (published.length() == 10) return LocalDate.parse(published).toString();
      return OffsetDateTime.parse(published).toLocalDate().toString();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(published).atOffset(ZoneOffset.UTC).toLocalDate().toString();
      } catch (DateTimeParseException e2) {
        return published;
      }
    }
  }

  /**
   * A schema.org {@code NewsArticle} (the type schema.org gives press releases and official statements) with
   * the agency as a {@code GovernmentOrganization} author.
   */
  static Map<String, Object> jsonLd(Agency agency, String agencyId, String title, String published,
      String permalink, String sourceUrl, String sha256, String lang, String type, int version) {
    Map<String, Object> author = new LinkedHashMap<>();
    author.put("@type", "GovernmentOrganization");
    author.put("name", name(agency, agencyId, lang));
    if (agency != null && agency.nameAr() != null && agency.nameEn() != null) {
      author.put("alternateName", lang.equals("ar") ? agency.nameEn() : agency.nameAr());
    }
    if (agency != null && agency.website() != null) author.put("url", agency.website());
    Map<String, Object> id = new LinkedHashMap<>();
    id.put("@type", "PropertyValue");
    id.put("propertyID", "sha256");
    id.put("value", sha256);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("@context", "https://schema.org");
    out.put("@type", "NewsArticle");
    out.put("headline", title == null ? "" : title);
    out.put("author", author);
    out.put("publisher", author);
    out.put("datePublished", published); // schema.org takes the full ISO 8601 value, time and offset included
    out.put("inLanguage", lang);
    out.put("url", permalink);
    if (sourceUrl != null) out.put("sameAs", sourceUrl);
    if (type != null) out.put("genre", type);
    out.put("version", version);
    out.put("identifier", List.of(id));
    return out;
  }

  private static String name(Agency agency, String agencyId, String lang) {
    if (agency == null) return agencyId;
    String preferred = lang.equals("ar") ? agency.nameAr() : agency.nameEn();
    return preferred != null && !preferred.isBlank() ? preferred : agency.displayName();
  }
}
