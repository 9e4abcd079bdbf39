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
  /** Signature status, {@code signed} or {@code unsigned} (see {@code statement.SignatureStatus}). */
  public static final String STATUS = "status";
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
  /**
   * True on a statement whose duplicate group holds others (OpenSearch documents only): the cluster counts
   * groups among these alone, the rest being one group each.
   */
  public static final String DUP_SHARED = "dup_shared";

  /** Languages with their own analysis chain; anything else is indexed with the English chain. */
  public static final List<String> LANGUAGES = List.of("ar", "en");

  /** Analyzer (in {@code analyzers/}) for each language. */
  public static final Map<String, String> ANALYZER_BY_LANGUAGE = Map.of("ar", "arabic", "en", "english");

  /**
   * Analyzer of each language's exact fields: normalized like the main chain (case, diacritics, hamza forms,
   * digits) but neither stemmed nor stopped, so a quoted phrase matches the words as written, a prefix
   * matches the start of a whole word, and spelling suggestions are words that occur in statements.
   */
  public static final Map<String, String> EXACT_ANALYZER_BY_LANGUAGE =
      Map.of("ar", "arabic_exact", "en", "english_exact");

  /**
   * Analyzer of the character-trigram twin of each language that has one: the words normalized like the exact
   * fields, stop words removed, cut into overlapping three-letter pieces. Arabic words related by broken
   * plurals, verb patterns and derived names (دولة/دول, يستقر/استقرار, أميركا/الأميركية) share some of their
   * trigrams while no light stemmer can map them to one stem. English gains too (irregular forms, derivations
   * and transliterated names the Porter stemmer leaves apart; measured on xquadr-en).
   */
  public static final Map<String, String> GRAMS_ANALYZER_BY_LANGUAGE =
      Map.of("ar", "arabic_grams", "en", "english_grams");

  /** Suffix of the character-trigram twin of a text field ({@code body.ar} → {@code body.ar.grams}). */
  public static final String GRAMS_SUFFIX = ".grams";

  /** Suffix of the unstemmed twin of a text field ({@code body.ar} → {@code body.ar.exact}). */
  public static final String EXACT_SUFFIX = ".exact";

  /**
   * Keyword fields a query may filter on by name ({@code agency:spa}), keyed by the name users type.
   * A field added here becomes a filter in the query language and a facet-able dimension.
   */
  public static final Map<String, String> FILTERABLE =
      Map.of("agency", AGENCY, "type", TYPE, "lang", LANGUAGE, "language", LANGUAGE, "category", CATEGORY,
          "status", STATUS);

  public static String title(String language) {
    return "title." + language;
  }

  public static String body(String language) {
    return "body." + language;
  }

  /** The unstemmed, normalized twin of a text field (indexed, not stored). */
  public static String exact(String textField) {
    return textField + EXACT_SUFFIX;
  }

  /** The character-trigram twin of a text field (indexed with frequencies only, not stored). */
  public static String grams(String textField) {
    return textField + GRAMS_SUFFIX;
  }

  /** The analyzer of a text field or one of its twins, or null for fields that are not analyzed. */
  public static String analyzerOf(String field) {
    if (field.endsWith(GRAMS_SUFFIX)) {
      String f = field.substring(0, field.length() - GRAMS_SUFFIX.length());
      return analyzerOf(f) == null ? null : GRAMS_ANALYZER_BY_LANGUAGE.get(languageOf(f));
    }
    boolean exact = field.endsWith(EXACT_SUFFIX);
    String f = exact ? field.substring(0, field.length() - EXACT_SUFFIX.length()) : field;
    int dot = f.lastIndexOf('.');
    if (dot < 0) return null;
    String base = f.substring(0, dot);
    if (!base.equals("title") && !base.equals("body")) return null;
    return (exact ? EXACT_ANALYZER_BY_LANGUAGE : ANALYZER_BY_LANGUAGE).get(f.substring(dot + 1));
  }

  /** The language of a text field or a twin ({@code body.ar.exact} → {@code ar}), or "" for others. */
  public static String languageOf(String field) {
    String f = field;
    if (f.endsWith(GRAMS_SUFFIX)) f = f.substring(0, f.length() - GRAMS_SUFFIX.length());
    if (f.endsWith(EXACT_SUFFIX)) f = f.substring(0, f.length() - EXACT_SUFFIX.length());
    int dot = f.lastIndexOf('.');
    return dot < 0 ? "" : f.substring(dot + 1);
  }

  /** The language whose fields hold a release in {@code language}. */
  public static String indexLanguage(String language) {
    return LANGUAGES.contains(language) ? language : "en";
  }
}
