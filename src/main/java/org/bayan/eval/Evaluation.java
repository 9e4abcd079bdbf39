package org.bayan.eval;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bayan.statement.Release;

/**
 * Runs every judged topic of a test set through a retriever and averages the measures. Topics without
 * judgments are not scored (they are still written to a run file).
 */
public final class Evaluation {
  public static final int DEPTH = 100;

  private Evaluation() {}

  /**
   * @param retrievers builds the retriever over the set's documents
   * @param run where to write a TREC run file ({@code qid Q0 docid rank score tag}), or null
   */
  public static Scores run(EvalSet set, Function<List<Release>, Retriever> retrievers, Writer run, String tag)
      throws IOException {
    List<Release> docs = Corpus.read(set.corpus());
    Map<String, String> topics = Judgments.topics(set.topics());
    Map<String, Map<String, Integer>> qrels = Judgments.qrels(set.qrels());
    double ndcg = 0;
    double mrr = 0;
    double recall = 0;
    int scored = 0;
    try (Retriever r = retrievers.apply(docs)) {
      for (Map.Entry<String, String> t : topics.entrySet()) {
        List<String> ranked = r.rank(t.getValue(), DEPTH);
        if (run != null) {
          for (int i = 0; i < ranked.size(); i++) {
            run.write(t.getKey() + " Q0 " + ranked.get(i) + " " + (i + 1) + " " + (DEPTH - i) + " " + tag + "\n");
          }
        }
        Map<String, Integer> judged = qrels.get(t.getKey());
        if (judged == null || judged.values().stream().noneMatch(g -> g > 0)) continue;
        ndcg += Metrics.ndcgAt(10, ranked, judged);
        mrr += Metrics.mrrAt(10, ranked, judged);
        recall += Metrics.recallAt(DEPTH, ranked, judged);
        scored++;
      }
    }
    if (scored == 0) throw new IOException("test set '" + set.name() + "': no topic has a judgment in " + set.qrels());
    return new Scores(set.name(), scored, ndcg / scored, mrr / scored, recall / scored);
  }
}
