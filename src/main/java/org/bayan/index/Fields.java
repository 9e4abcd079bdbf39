package org.bayan.index;

import java.util.List;
import java.util.Map;

/**
 * Every index field name, and which analyzer each text field uses. Text fields are per language because a
 * statement is analyzed by its own language's chain, and a query is analyzed once per language.
 */
public final class Fields {
  private Fields() {}

  public static final String ID = "id";
  public static final String AGENCY = "agency";
  public static final String LANGUAGE = "language";
  public static final String CATEGORY = "category";
  public static final String TYPE = "type";
  /** Epoch milliseconds as a point (filters) and doc values (sorting); the canonical text is stored. */
  public static final String PUBLISHED = "published_at";
  public static final String SOURCE_URL = "source_url";
  public static final String CONTENT_HASH = "content_hash";
  public static final String VERSION = "version";
  public static final String SEQ = "seq";
  public static final String INGESTED = "ingested_at";
  /**
   * The duplicate group (keyword, with sorted doc values so results collapse cheaply while a page is
   * assembled): statements with the same or nearly the same body share it.
   */
  public static final String DUP_GROUP = "dup_group";
  /** Exact fingerprint of the normalized body (numeric doc values; rebuilds the duplicate table on open). */
  public static final String BODY_FINGERPRINT = "body_fingerprint";
  /**
   * MinHash signature of the body's word shingles (binary doc values, empty for short bodies; rebuilds the
   * duplicate table on open).
   */
  public static final String MINHASH = "minhash";

  /** Languages with their own analysis chain; anything else is indexed with the English chain. */
  public static final List<String> LANGUAGES = List.of("ar", "en");

  /** Analyzer (in {@code analyzers/}) for each language. */
  public static final Map<String, String> ANALYZER_BY_LANGUAGE = Map.of("ar", "arabic", "en", "english");

  public static String title(String language) {
    return "title." + language;
  }

  public static String body(String language) {
    return "body." + language;
  }

  /** The analyzer of a text field, or null for fields that are not analyzed. */
  public static String analyzerOf(String field) {
    int dot = field.lastIndexOf('.');
    if (dot < 0) return null;
    String base = field.substring(0, dot);
    if (!base.equals("title") && !base.equals("body")) return null;
    return ANALYZER_BY_LANGUAGE.get(field.substring(dot + 1));
  }

  /** The language whose fields hold a release in {@code language}. */
  public static String indexLanguage(String language) {
    return LANGUAGES.contains(language) ? language : "en";
  }
}
