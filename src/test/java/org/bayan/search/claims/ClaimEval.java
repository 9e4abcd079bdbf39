package org.bayan.search.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.eval.Metrics;
import org.bayan.index.Fields;
import org.bayan.index.LuceneIndex;
import org.bayan.ingest.Languages;
import org.bayan.search.KeywordQueries;
import org.bayan.statement.Release;
import org.bayan.statement.StatementVersion;

/**
 * Claim retrieval measured on a shared test set ({@code corpus.jsonl}, {@code topics.tsv}, {@code qrels.txt}):
 * the documents go through Bayan's document mapping and analyzers into a real index in a temporary folder,
 * and each topic is run through the claim path ({@link ClaimService#rankedIds}) or the keyword path (the
 * query of /api/search). Measures as in ../shared/eval/README.md: nDCG@10 (gain 2^rel − 1, log2(rank + 1)
 * discount, ideal from the judgments), MRR@10, Recall@100, averaged over topics with a relevant judgment.
 */
final class ClaimEval implements AutoCloseable {
  static final int DEPTH = 100;

  record Scores(String set, String path, int topics, double ndcg10, double mrr10, double recall100) {
    String row() {
      return String.format("%s\t%s\t%d\t%.4f\t%.4f\t%.4f", set, path, topics, ndcg10, mrr10, recall100);
    }
  }

  final String name;
  final LuceneIndex index;
  final Map<String, String> topics;
  final Map<String, Map<String, Integer>> qrels;

  private ClaimEval(String name, LuceneIndex index, Map<String, String> topics, Map<String, Map<String, Integer>> qrels) {
    this.name = name;
    this.index = index;
    this.topics = topics;
    this.qrels = qrels;
  }

  static Path sets() {
    return org.bayan.testing.Fixtures.shared().resolve("eval");
  }

  /** Indexes the set's documents into {@code indexDir}. */
  static ClaimEval open(String set, AnalyzerRegistry analyzers, Path indexDir) throws IOException {
    Path dir = sets().resolve(set);
    LuceneIndex index = LuceneIndex.open(indexDir, analyzers);
    ObjectMapper json = new ObjectMapper();
    List<StatementVersion> docs = new ArrayList<>();
    long seq = 0;
    for (String line : Files.readAllLines(dir.resolve("corpus.jsonl"), StandardCharsets.UTF_8)) {
      if (line.isBlank()) continue;
      JsonNode o = json.readTree(line);
      String text = o.get("contents").asText();
      Release r = new Release(o.get("id").asText(), "eval", "", text, Languages.detect(text), "2000-01-01", null,
          null, null, null, null);
      docs.add(new StatementVersion(seq++, r, 1, "", Instant.EPOCH));
    }
    index.apply(docs);
    index.refresh();
    Map<String, String> topics = new LinkedHashMap<>();
    for (String line : Files.readAllLines(dir.resolve("topics.tsv"), StandardCharsets.UTF_8)) {
      int tab = line.indexOf('\t');
      if (tab > 0) topics.put(line.substring(0, tab).strip(), line.substring(tab + 1));
    }
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    for (String line : Files.readAllLines(dir.resolve("qrels.txt"), StandardCharsets.UTF_8)) {
      String[] f = line.strip().split("\\s+");
      if (f.length == 4) qrels.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[2], Integer.parseInt(f[3]));
    }
    return new ClaimEval(set, index, topics, qrels);
  }

  String text(String id) {
    IndexSearcher s = index.acquire();
    try {
      TopDocs top = s.search(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(Fields.ID, id)), 1);
      return top.scoreDocs.length == 0 ? "?" : s.storedFields().document(top.scoreDocs[0].doc).get(Fields.body("ar"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      index.release(s);
    }
  }

  Scores claims(ClaimTuning tuning) {
    ClaimService claims = new ClaimService(index, a -> Optional.empty(), tuning);
    return run("claim", claims::rankedIds);
  }

  Scores keyword() {
    KeywordQueries q = new KeywordQueries(index.analyzer());
    return run("keyword", (text, n) -> {
      IndexSearcher s = index.acquire();
      try {
        TopDocs top = s.search(q.plainText(text), n);
        List<String> ids = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) ids.add(s.storedFields().document(sd.doc).get(Fields.ID));
        return ids;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } finally {
        index.release(s);
      }
    });
  }

  Scores run(String path, BiFunction<String, Integer, List<String>> ranker) {
    double ndcg = 0, mrr = 0, recall = 0;
    int n = 0;
    for (Map.Entry<String, String> t : topics.entrySet()) {
      Map<String, Integer> judged = qrels.get(t.getKey());
      if (judged == null || judged.values().stream().noneMatch(g -> g > 0)) continue;
      List<String> ranked = ranker.apply(t.getValue(), DEPTH);
      ndcg += Metrics.ndcgAt(10, ranked, judged);
      mrr += Metrics.mrrAt(10, ranked, judged);
      recall += Metrics.recallAt(DEPTH, ranked, judged);
      n++;
    }
    return new Scores(name, path, n, ndcg / n, mrr / n, recall / n);
  }


  @Override
  public void close() throws IOException {
    index.close();
  }
}
