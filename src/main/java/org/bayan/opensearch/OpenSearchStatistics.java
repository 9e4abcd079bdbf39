package org.bayan.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.index.Term;
import org.bayan.index.Fields;
import org.bayan.search.DocFrequencies;
import org.bayan.search.Spelling;

/**
 * Index-wide term statistics and spelling candidates from the cluster.
 *
 * <p>Document frequencies come from {@code _mtermvectors} over an artificial document holding the terms
 * (already analyzed by Bayan, so each field is read with the {@code whitespace} analyzer, which keeps them
 * as they are), sent once to every shard and summed: a term vector's statistics are its shard's, and a
 * filters aggregation with one filter per term would visit every matching document once per term. The
 * routing value that reaches each shard is found once per concrete index with {@code _search_shards}.
 *
 * <p>Spelling candidates come from the {@code term} suggester, which runs Lucene's DirectSpellChecker on each
 * shard with the settings {@link Spelling} uses and merges the shards' answers.
 */
final class OpenSearchStatistics implements DocFrequencies, Spelling.Vocabulary {
  /** Longer tokens are cut by the tokenizers, so no statement holds a longer term. */
  private static final int MAX_TERM_CHARS = 255;
  /** Fields whose terms can be counted, each with the field of the source document that feeds it. */
  private static final Map<String, String> SOURCE_FIELD = sourceFields();

  private final OpenSearchClient client;
  private final String alias;
  private final ObjectMapper json;
  private volatile Routing routing;

  /** One routing value per shard of a concrete index. */
  private record Routing(String index, List<String> keys) {}

  OpenSearchStatistics(OpenSearchClient client, String alias) {
    this.client = client;
    this.alias = alias;
    this.json = client.json();
  }

  private static Map<String, String> sourceFields() {
    Map<String, String> m = new HashMap<>();
    for (String lang : Fields.LANGUAGES) {
      for (String f : List.of(Fields.title(lang), Fields.body(lang))) {
        m.put(f, f);
        m.put(Fields.exact(f), f);
        if (Fields.GRAMS_ANALYZER_BY_LANGUAGE.containsKey(lang)) m.put(Fields.grams(f), f);
      }
    }
    return Map.copyOf(m);
  }

  @Override
  public int numDocs() {
    return client.call("GET", "/" + alias + "/_count", null).path("count").asInt();
  }

  @Override
  public Map<Term, Integer> docFreqs(Collection<Term> terms) {
    Map<Term, Integer> out = new LinkedHashMap<>();
    Map<String, Set<String>> byField = new TreeMap<>();
    for (Term t : terms) {
      out.put(t, 0);
      String text = t.text();
      if (!SOURCE_FIELD.containsKey(t.field())) throw new IllegalArgumentException("no statistics for field " + t.field());
      // A term the tokenizers cannot have produced (whitespace inside, or too long) is held by no statement.
      if (text.isEmpty() || text.length() > MAX_TERM_CHARS || text.codePoints().anyMatch(Character::isWhitespace)) continue;
      byField.computeIfAbsent(t.field(), k -> new LinkedHashSet<>()).add(text);
    }
    if (byField.isEmpty()) return out;
    Routing r = routing(false);
    JsonNode answer = client.call("POST", "/" + alias + "/_mtermvectors", termVectorsRequest(byField, r));
    if (!answer.path("docs").path(0).path("_index").asText().equals(r.index())) {
      // The alias moved to a rebuilt index since the routing was found: find it again.
      r = routing(true);
      answer = client.call("POST", "/" + alias + "/_mtermvectors", termVectorsRequest(byField, r));
    }
    Map<String, Map<String, Integer>> sums = new HashMap<>();
    for (JsonNode doc : answer.path("docs")) {
      if (doc.has("error")) throw new OpenSearchException("term statistics failed: " + doc.path("error"), 0, null);
      doc.path("term_vectors").properties().forEach(field -> field.getValue().path("terms").properties()
          .forEach(term -> sums.computeIfAbsent(field.getKey(), k -> new HashMap<>())
              .merge(term.getKey(), term.getValue().path("doc_freq").asInt(0), Integer::sum)));
    }
    for (Map.Entry<Term, Integer> e : out.entrySet()) {
      e.setValue(sums.getOrDefault(e.getKey().field(), Map.of()).getOrDefault(e.getKey().text(), 0));
    }
    return out;
  }

  private ObjectNode termVectorsRequest(Map<String, Set<String>> byField, Routing r) {
    // The source field holds the terms of all its sub-fields: a term counted where it is not asked is ignored.
    Map<String, Set<String>> source = new TreeMap<>();
    byField.forEach((field, words) -> source.computeIfAbsent(SOURCE_FIELD.get(field), k -> new LinkedHashSet<>()).addAll(words));
    ObjectNode body = json.createObjectNode();
    ArrayNode docs = body.putArray("docs");
    for (String key : r.keys()) {
      ObjectNode d = docs.addObject();
      d.put("routing", key);
      ObjectNode doc = d.putObject("doc");
      source.forEach((field, words) -> doc.put(field, String.join(" ", words)));
      ArrayNode fields = d.putArray("fields");
      ObjectNode analyzers = d.putObject("per_field_analyzer");
      for (String f : byField.keySet()) {
        fields.add(f);
        analyzers.put(f, "whitespace");
      }
      d.put("term_statistics", true).put("field_statistics", false)
          .put("positions", false).put("offsets", false).put("payloads", false);
    }
    return body;
  }

  private Routing routing(boolean refresh) {
    Routing r = routing;
    if (r != null && !refresh) return r;
    JsonNode all = client.call("GET", "/" + alias + "/_search_shards", null).path("shards");
    int shards = all.size();
    String index = all.path(0).path(0).path("index").asText();
    Map<Integer, String> keys = new TreeMap<>();
    // Routing values spread over the shards by hash: a few dozen reach every shard of any sensible count.
    for (int i = 0; keys.size() < shards && i < 64 * shards; i++) {
      JsonNode s = client.call("GET", "/" + alias + "/_search_shards?routing=" + i, null).path("shards");
      keys.putIfAbsent(s.path(0).path(0).path("shard").asInt(), Integer.toString(i));
    }
    if (keys.size() < shards) {
      throw new OpenSearchException("found no routing value for every shard of " + index, 0, null);
    }
    r = new Routing(index, List.copyOf(keys.values()));
    routing = r;
    return r;
  }

  @Override
  public Map<Term, List<Spelling.Candidate>> similar(Collection<Term> terms) {
    Map<Term, List<Spelling.Candidate>> out = new LinkedHashMap<>();
    if (terms.isEmpty()) return out;
    List<Term> asked = new ArrayList<>(terms);
    ObjectNode body = json.createObjectNode();
    body.put("size", 0);
    ObjectNode suggest = body.putObject("suggest");
    for (int i = 0; i < asked.size(); i++) {
      ObjectNode s = suggest.putObject("t" + i);
      s.put("text", asked.get(i).text());
      // The text is already normalized as the field holds its terms: taken whole, not analyzed again.
      s.putObject("term").put("field", asked.get(i).field()).put("analyzer", "keyword")
          .put("suggest_mode", "popular").put("min_word_length", Spelling.MIN_WORD_LENGTH).put("size", 1)
          .put("sort", "score").put("max_edits", 2).put("prefix_length", 1);
    }
    JsonNode r = client.call("POST", "/" + alias + "/_search", body).path("suggest");
    for (int i = 0; i < asked.size(); i++) {
      List<Spelling.Candidate> c = new ArrayList<>();
      for (JsonNode entry : r.path("t" + i)) {
        for (JsonNode o : entry.path("options")) {
          c.add(new Spelling.Candidate(o.path("text").asText(), (float) o.path("score").asDouble(), o.path("freq").asInt()));
        }
      }
      out.put(asked.get(i), c);
    }
    return out;
  }

  @Override
  public List<String> texts(Term term, int n) {
    String stored = SOURCE_FIELD.get(term.field());
    if (stored == null) throw new IllegalArgumentException("no source text for field " + term.field());
    ObjectNode body = json.createObjectNode();
    body.put("size", n);
    body.putObject("query").putObject("term").put(term.field(), term.text());
    body.putArray("_source").add(stored);
    List<String> out = new ArrayList<>();
    for (JsonNode h : client.call("POST", "/" + alias + "/_search", body).path("hits").path("hits")) {
      JsonNode text = h.path("_source").path(stored);
      // The source may hold the dotted name as one key or as nested objects.
      if (text.isMissingNode()) {
        text = h.path("_source");
        for (String part : stored.split("\\.")) text = text.path(part);
      }
      if (text.isTextual()) out.add(text.asText());
    }
    return out;
  }
}
