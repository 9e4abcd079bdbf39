package org.bayan.search.claims;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bayan.statement.Agency;

/**
 * How a fact-checker cites a statement: a plain-text citation, and a schema.org description to put in a
 * ClaimReview (as the {@code appearance} of the claim it reviews, or as evidence). Both carry the SHA-256 of
 * the statement's canonical form, so a reader can check the text was not changed after it was cited.
 */
final class Citations {
  private Citations() {}

  /** {@code Agency, "Title", 2024-05-01. https://…/s/id (SHA-256 …)}, in the statement's language. */
  static String text(Agency agency, String agencyId, String title, String published, String permalink,
      String sha256, String lang) {
    String name = name(agency, agencyId, lang);
    String t = title == null || title.isBlank() ? "" : " \"" + title.strip() + "\",";
    return name + "," + t + " " + published + ". " + permalink + " (SHA-256 " + sha256 + ")";
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
    out.put("datePublished", published);
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
