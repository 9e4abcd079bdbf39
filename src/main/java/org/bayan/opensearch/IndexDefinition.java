package org.bayan.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bayan.analysis.AnalyzerConfigException;
import org.bayan.analysis.AnalyzerDefinition;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.index.Fields;

/**
 * The settings and mappings of Bayan's OpenSearch index, generated from the analyzer definitions and
 * {@link Fields}, so neither is written twice. Each chain becomes a custom analyzer of the same name. A step
 * OpenSearch has built in (same Lucene class, parameters translated) uses it; any other token filter goes
 * through the {@code bayan-analysis} plugin's {@value #PLUGIN_FILTER} type by its Lucene SPI name, with the
 * files its parameters name inlined, so Bayan's own filters need nothing deployed but the plugin.
 */
public final class IndexDefinition {
  public static final String PLUGIN_FILTER = "bayan_lucene";
  /** Lucene's BM25 defaults, as Bayan's embedded index uses them. */
  static final double BM25_K1 = 1.2;
  static final double BM25_B = 0.75;

  /** Parameterless Lucene token filters and their OpenSearch names. */
  private static final Map<String, String> SIMPLE_FILTERS = Map.ofEntries(
      Map.entry("lowercase", "lowercase"),
      Map.entry("uppercase", "uppercase"),
      Map.entry("decimaldigit", "decimal_digit"),
      Map.entry("arabicnormalization", "arabic_normalization"),
      Map.entry("arabicstem", "arabic_stem"),
      Map.entry("persiannormalization", "persian_normalization"),
      Map.entry("porterstem", "porter_stem"),
      Map.entry("asciifolding", "asciifolding"),
      Map.entry("classic", "classic"),
      Map.entry("trim", "trim"));
  /** Lucene filters OpenSearch offers as a {@code stemmer} language. */
  private static final Map<String, String> STEMMER_FILTERS = Map.of(
      "englishpossessive", "possessive_english",
      "englishminimalstem", "minimal_english",
      "kstem", "light_english");
  private static final Map<String, String> TOKENIZERS = Map.of(
      "standard", "standard", "whitespace", "whitespace", "keyword", "keyword", "classic", "classic");

  private final ObjectMapper json = new ObjectMapper();
  private final AnalyzerRegistry analyzers;
  private final int shards;
  private final int replicas;
  private final boolean everythingThroughPlugin;
  // Generated once, when the registry's chains were just loaded, so word lists are read as those chains read them.
  private final ObjectNode analysis;
  private final ObjectNode mappings;

  public IndexDefinition(AnalyzerRegistry analyzers, int shards, int replicas) {
    this(analyzers, shards, replicas, false);
  }

  private IndexDefinition(AnalyzerRegistry analyzers, int shards, int replicas, boolean everythingThroughPlugin) {
    this.analyzers = analyzers;
    this.shards = shards;
    this.replicas = replicas;
    this.everythingThroughPlugin = everythingThroughPlugin;
    this.analysis = generateAnalysis();
    this.mappings = generateMappings();
  }

  /**
   * The same definition with every token filter run by the plugin (the Lucene classes Bayan runs), none by
   * OpenSearch's built-in equivalents: to check that the plugin and the translation agree.
   */
  public IndexDefinition everythingThroughPlugin() {
    return new IndexDefinition(analyzers, shards, replicas, true);
  }

  /** The body of the create-index request. */
  public ObjectNode createIndexBody() {
    ObjectNode body = json.createObjectNode();
    ObjectNode settings = body.putObject("settings");
    ObjectNode index = settings.putObject("index");
    index.put("number_of_shards", shards);
    index.put("number_of_replicas", replicas);
    ObjectNode bm25 = index.putObject("similarity").putObject("default");
    bm25.put("type", "BM25");
    bm25.put("k1", BM25_K1);
    bm25.put("b", BM25_B);
    // Fields whose BM25 parameters differ from the default get a named similarity of their own.
    for (String lang : Fields.LANGUAGES) {
      float[] p = org.bayan.index.Similarities.bm25(Fields.body(lang));
      if (p[0] != BM25_K1 || p[1] != BM25_B) {
        index.with("similarity").putObject("bm25_" + lang).put("type", "BM25").put("k1", p[0]).put("b", p[1]);
      }
    }
    settings.set("analysis", analysis());
    body.set("mappings", mappings());
    return body;
  }

  /** A fingerprint of everything that decides how text is indexed: a changed one calls for a reindex. */
  public String fingerprint() {
    ObjectNode what = json.createObjectNode();
    what.set("analysis", analysis());
    what.set("mappings", mappings());
    what.put("documents", OpenSearchDocuments.VERSION);
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(what.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code analysis}: one custom analyzer per chain, with the filter definitions its steps need. */
  public ObjectNode analysis() {
    return analysis.deepCopy();
  }

  private ObjectNode generateAnalysis() {
    ObjectNode analysis = json.createObjectNode();
    ObjectNode analyzerDefs = analysis.putObject("analyzer");
    ObjectNode filterDefs = json.createObjectNode();
    for (Map.Entry<String, AnalyzerDefinition> e : new TreeMap<>(analyzers.definitions()).entrySet()) {
      String name = e.getKey();
      AnalyzerDefinition def = e.getValue();
      ObjectNode a = analyzerDefs.putObject(name);
      a.put("type", "custom");
      a.put("tokenizer", tokenizer(name, def.tokenizer()));
      if (!def.charFilters().isEmpty()) {
        throw new AnalyzerConfigException("analyzer '" + name + "': char filters have no OpenSearch translation yet ("
            + def.charFilters().getFirst().name() + ")", null);
      }
      ArrayNode filters = a.putArray("filter");
      int i = 0;
      for (AnalyzerDefinition.Step s : def.filters()) {
        filters.add(filter(name, name + "_" + i++ + "_" + s.name().toLowerCase(), s, filterDefs));
      }
    }
    if (!filterDefs.isEmpty()) analysis.set("filter", filterDefs);
    return analysis;
  }

  private String tokenizer(String analyzer, AnalyzerDefinition.Step t) {
    String os = TOKENIZERS.get(t.name().toLowerCase());
    if (os == null || !t.params().isEmpty()) {
      throw new AnalyzerConfigException("analyzer '" + analyzer + "': tokenizer '" + t.name()
          + "' (with parameters " + t.params() + ") has no OpenSearch translation", null);
    }
    return os;
  }

  /** The name the chain refers to: a built-in filter's name, or a filter defined in {@code defs}. */
  private String filter(String analyzer, String defName, AnalyzerDefinition.Step s, ObjectNode defs) {
    String spi = s.name().toLowerCase();
    Map<String, String> p = s.params();
    if (everythingThroughPlugin) return pluginFilter(analyzer, defName, s, defs);
    if (p.isEmpty() && SIMPLE_FILTERS.containsKey(spi)) return SIMPLE_FILTERS.get(spi);
    if (p.isEmpty() && STEMMER_FILTERS.containsKey(spi)) {
      ObjectNode d = defs.putObject(defName);
      d.put("type", "stemmer");
      d.put("language", STEMMER_FILTERS.get(spi));
      return defName;
    }
    if (spi.equals("stop") && Set.of("words", "ignoreCase").containsAll(p.keySet()) && p.containsKey("words")) {
      ObjectNode d = defs.putObject(defName);
      d.put("type", "stop");
      ArrayNode words = d.putArray("stopwords");
      for (String file : p.get("words").split(",")) wordLines(analyzer, file.trim()).forEach(words::add);
      d.put("ignore_case", Boolean.parseBoolean(p.getOrDefault("ignoreCase", "false")));
      return defName;
    }
    if (spi.equals("ngram") && Set.of("minGramSize", "maxGramSize", "preserveOriginal").containsAll(p.keySet())) {
      ObjectNode d = defs.putObject(defName);
      d.put("type", "ngram");
      d.put("min_gram", Integer.parseInt(p.getOrDefault("minGramSize", "1")));
      d.put("max_gram", Integer.parseInt(p.getOrDefault("maxGramSize", "2")));
      d.put("preserve_original", Boolean.parseBoolean(p.getOrDefault("preserveOriginal", "false")));
      return defName;
    }
    // Bayan's own filters, and Lucene filters without a built-in equivalent: the plugin runs the same class.
    return pluginFilter(analyzer, defName, s, defs);
  }

  private String pluginFilter(String analyzer, String defName, AnalyzerDefinition.Step s, ObjectNode defs) {
    Map<String, String> p = s.params();
    ObjectNode d = defs.putObject(defName);
    d.put("type", PLUGIN_FILTER);
    d.put("spi", s.name());
    for (Map.Entry<String, String> e : new TreeMap<>(p).entrySet()) {
      d.put(e.getKey(), e.getValue());
      Path file = analyzers.dir().resolve(e.getValue());
      if (!e.getValue().isBlank() && !e.getValue().contains(",") && Files.isRegularFile(file)) {
        ArrayNode lines = d.putArray(e.getKey() + "_lines");
        rawLines(analyzer, file).forEach(lines::add);
      }
    }
    return defName;
  }

  /** A word list as Lucene reads it: trimmed lines, without blank ones and {@code #} comments. */
  private List<String> wordLines(String analyzer, String file) {
    return rawLines(analyzer, analyzers.dir().resolve(file)).stream()
        .map(l -> l.replace("\uFEFF", "").trim())
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  private static List<String> rawLines(String analyzer, Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("analyzer '" + analyzer + "': cannot read " + file, e);
    }
  }

  /**
   * {@code mappings}: keyword fields for filters and facets, a date for order and ranges, and per language a
   * text field analyzed by its chain with its exact twin as a sub-field ({@code body.ar} and
   * {@code body.ar.exact}, the same names the embedded index uses), offsets indexed for highlighting.
   */
  public ObjectNode mappings() {
    return mappings.deepCopy();
  }

  private ObjectNode generateMappings() {
    ObjectNode m = json.createObjectNode();
    m.put("dynamic", "strict");
    ObjectNode props = m.putObject("properties");
    for (String f : List.of(Fields.ID, Fields.AGENCY, Fields.LANGUAGE, Fields.CATEGORY, Fields.TYPE, Fields.STATUS)) {
      props.putObject(f).put("type", "keyword");
    }
    props.putObject(Fields.PUBLISHED).put("type", "date").put("format", "strict_date_optional_time||epoch_millis");
    for (String f : List.of(Fields.SOURCE_URL, Fields.CONTENT_HASH, Fields.INGESTED)) {
      props.putObject(f).put("type", "keyword").put("index", false).put("doc_values", false);
    }
    // The duplicate group: a keyword for the group lookups (also_published_by) and the collapsed count; the
    // fingerprints that decided it only in _source, read back when the index opens (OpenSearchIndex).
    props.putObject(Fields.DUP_GROUP).put("type", "keyword");
    props.putObject(Fields.DUP_SHARED).put("type", "boolean");
    props.putObject(Fields.BODY_FINGERPRINT).put("type", "long").put("index", false).put("doc_values", false);
    props.putObject(Fields.MINHASH).put("type", "binary");
    props.putObject(Fields.VERSION).put("type", "integer");
    props.putObject(Fields.SEQ).put("type", "long");
    for (String lang : Fields.LANGUAGES) {
      for (String field : List.of(Fields.title(lang), Fields.body(lang))) {
        String[] path = field.split("\\.");
        ObjectNode parent = props;
        for (int i = 0; i < path.length - 1; i++) {
          ObjectNode obj = parent.has(path[i]) ? (ObjectNode) parent.get(path[i]) : parent.putObject(path[i]);
          parent = obj.has("properties") ? (ObjectNode) obj.get("properties") : obj.putObject("properties");
        }
        ObjectNode text = parent.putObject(path[path.length - 1]);
        text.put("type", "text").put("analyzer", Fields.analyzerOf(field)).put("index_options", "offsets");
        float[] p = org.bayan.index.Similarities.bm25(field);
        if (p[0] != BM25_K1 || p[1] != BM25_B) text.put("similarity", "bm25_" + lang);
        String exact = Fields.exact(field);
        ObjectNode twins = text.putObject("fields");
        subField(twins, field, Fields.exact(field), "offsets", lang);
        // Ranking only, as in the embedded index: frequencies without positions or offsets.
        if (Fields.analyzerOf(Fields.grams(field)) != null) subField(twins, field, Fields.grams(field), "freqs", lang);
      }
    }
    return m;
  }

  private static void subField(ObjectNode twins, String field, String twin, String indexOptions, String lang) {
    ObjectNode sub = twins.putObject(twin.substring(field.length() + 1));
    sub.put("type", "text").put("analyzer", Fields.analyzerOf(twin)).put("index_options", indexOptions);
    float[] p = org.bayan.index.Similarities.bm25(twin);
    if (p[0] != BM25_K1 || p[1] != BM25_B) sub.put("similarity", "bm25_" + lang);
  }
}
