package org.bayan.opensearch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.index.LuceneIndex;
import org.bayan.search.Hit;
import org.bayan.search.SearchRequest;
import org.bayan.search.SearchService;
import org.bayan.search.StatementSearch;
import org.bayan.statement.Release;
import org.bayan.statement.StatementVersion;
import org.bayan.testing.Fixtures;
import org.bayan.testing.OpenSearchCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same documents and queries give the same results in both engines: over the dev topics of two retrieval
 * sets (../shared/eval), the top 10 agree for at least 95% of topics and nDCG@10 differs by at most 0.01. The
 * OpenSearch index has 2 shards and 1 replica; scores use index-wide statistics (dfs_query_then_fetch). Lists
 * are compared up to the order of hits with equal scores, which each engine breaks its own way (Lucene by
 * document number, OpenSearch by shard, then document number).
 */
@ExtendWith(OpenSearchCluster.Extension.class)
class OpenSearchResultParityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path tmp;
  static OpenSearchCluster cluster;
  static AnalyzerRegistry registry;

  @BeforeAll
  static void setUp(OpenSearchCluster c) {
    cluster = c;
    registry = AnalyzerRegistry.load(Fixtures.analyzers());
  }

  @AfterAll
  static void tearDown() {
    registry.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"xquadr-ar", "ans-dev"})
  void top_ten_and_ndcg_agree_with_the_embedded_engine(String set) throws Exception {
    Path dir = Fixtures.shared().resolve("eval").resolve(set);
    List<StatementVersion> docs = corpus(dir.resolve("corpus.jsonl"));
    Map<String, String> topics = topics(dir.resolve("topics.tsv"));
    Map<String, Map<String, Integer>> qrels = qrels(dir.resolve("qrels.txt"));

    try (LuceneIndex lucene = LuceneIndex.open(tmp.resolve(set), registry)) {
      lucene.apply(docs);
      lucene.commit(1);
      lucene.refresh();
      OpenSearchClient client = new OpenSearchClient(cluster.urls());
      String alias = "parity-" + set;
      dropAlias(client, alias);
      OpenSearchIndex os = OpenSearchIndex.open(client, new IndexDefinition(registry, 2, 1), alias);
      for (int i = 0; i < docs.size(); i += 1000) os.apply(docs.subList(i, Math.min(docs.size(), i + 1000)));
      os.commit(1);
      StatementSearch embedded = new SearchService(lucene, id -> Optional.empty());
      StatementSearch cluster = new OpenSearchSearch(os, LuceneIndex.analyzer(registry), id -> Optional.empty());

      int topicsJudged = 0;
      int same = 0;
      int sameExactOrder = 0;
      double ndcgLucene = 0;
      double ndcgOs = 0;
      List<String> differing = new ArrayList<>();
      for (Map.Entry<String, String> t : topics.entrySet()) {
        Map<String, Integer> rel = qrels.get(t.getKey());
        if (rel == null) continue;
        topicsJudged++;
        SearchRequest req = SearchRequest.of(t.getValue(), 10);
        List<Hit> a = embedded.search(req, false).hits();
        List<Hit> b = cluster.search(req, false).hits();
        ndcgLucene += ndcg(a, rel);
        ndcgOs += ndcg(b, rel);
        if (ids(a).equals(ids(b))) sameExactOrder++;
        if (sameUpToTies(a, b)) {
          same++;
        } else if (differing.size() < 10) {
          differing.add(t.getKey() + " «" + t.getValue() + "»\n  lucene:     " + scored(a) + "\n  opensearch: " + scored(b));
        }
      }
      ndcgLucene /= topicsJudged;
      ndcgOs /= topicsJudged;
      double agreement = (double) same / topicsJudged;
      String report = String.format("%s: %d topics, top 10 agree for %.1f%% (%.1f%% in the exact order); nDCG@10 lucene %.4f, "
          + "opensearch %.4f", set, topicsJudged, 100 * agreement, 100.0 * sameExactOrder / topicsJudged, ndcgLucene, ndcgOs);
      System.out.println(report);
      assertTrue(topicsJudged > 500, report);
      assertTrue(agreement >= 0.95, report + "\nfirst differences:\n" + String.join("\n", differing));
      assertTrue(Math.abs(ndcgLucene - ndcgOs) <= 0.01, report);
    }
  }

  private static void dropAlias(OpenSearchClient client, String alias) {
    OpenSearchClient.Response r = client.send("GET", "/_alias/" + alias, null, null);
    if (r.status() == 200) r.json().fieldNames().forEachRemaining(i -> client.send("DELETE", "/" + i, null, null));
  }

  private static List<String> ids(List<Hit> hits) {
    return hits.stream().map(Hit::id).toList();
  }

  private static List<String> scored(List<Hit> hits) {
    return hits.stream().map(h -> h.id() + String.format(":%.4f", h.score())).toList();
  }

  /** Same hits with the same scores, where hits of (nearly) equal score may come in either order. */
  static boolean sameUpToTies(List<Hit> a, List<Hit> b) {
    if (a.size() != b.size()) return false;
    int i = 0;
    while (i < a.size()) {
      int j = i;
      while (j + 1 < a.size() && close(a.get(j + 1).score(), a.get(i).score())) j++;
      // The group a[i..j] of equal scores; b must hold the same ids there, except that a group reaching the
      // end of the page may be cut differently.
      Map<String, Boolean> group = new HashMap<>();
      for (int k = i; k <= j; k++) group.put(a.get(k).id(), true);
      for (int k = i; k <= j; k++) {
        Hit h = b.get(k);
        if (!close(h.score(), a.get(i).score())) return false;
        if (!group.containsKey(h.id()) && j < a.size() - 1) return false;
      }
      i = j + 1;
    }
    return true;
  }

  private static boolean close(float x, float y) {
    return Math.abs(x - y) <= 1e-4f * Math.max(1f, Math.abs(x));
  }

  /** nDCG@10: gain 2^rel - 1, discount log2(rank + 1), ideal from the judged documents. */
  static double ndcg(List<Hit> hits, Map<String, Integer> rel) {
    double dcg = 0;
    for (int i = 0; i < Math.min(10, hits.size()); i++) {
      int r = rel.getOrDefault(hits.get(i).id(), 0);
      dcg += (Math.pow(2, r) - 1) / (Math.log(i + 2) / Math.log(2));
    }
    List<Integer> ideal = rel.values().stream().sorted((x, y) -> y - x).toList();
    double idcg = 0;
    for (int i = 0; i < Math.min(10, ideal.size()); i++) idcg += (Math.pow(2, ideal.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
    return idcg == 0 ? 0 : dcg / idcg;
  }

  private static List<StatementVersion> corpus(Path file) throws IOException {
    List<StatementVersion> out = new ArrayList<>();
    long seq = 1;
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) continue;
      JsonNode d = JSON.readTree(line);
      String text = d.path("contents").asText();
      if (text.isBlank()) continue;
      Release r = new Release(d.path("id").asText(), "eval", "", text, "ar", "2024-01-01", null, null, null, null, null);
      out.add(new StatementVersion(seq++, r, 1, "h" + seq, Instant.parse("2024-01-01T00:00:00Z")));
    }
    return out;
  }

  private static Map<String, String> topics(Path file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      int tab = line.indexOf('\t');
      if (tab > 0) out.put(line.substring(0, tab), line.substring(tab + 1));
    }
    return out;
  }

  private static Map<String, Map<String, Integer>> qrels(Path file) throws IOException {
    Map<String, Map<String, Integer>> out = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 4) continue;
      int r = Integer.parseInt(f[3]);
      if (r > 0) out.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[2], r);
    }
    return out;
  }
}
