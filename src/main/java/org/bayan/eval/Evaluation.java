package org.bayan.eval;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.bayan.index.dedup.Fingerprints;
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
    return run(set, retrievers, run, tag, false);
  }

  /**
   * {@link #run(EvalSet, Function, Writer, String)}, optionally without each topic's copies: documents whose title
   * or body is the topic's text once normalized as duplicates are compared ({@link Fingerprints#normalize}).
   * The ANS sets reuse claims as the headlines of other pairs, so hundreds of topics have an unjudged verbatim
   * copy in the corpus that any lexical ranking puts first; measured without them, a number says how well the
   * statements that answer a claim are found (and a ranker cannot gain by learning to demote the query's copy).
   * The copies are left out of the ranking before it is cut to {@link #DEPTH}.
   */
  public static Scores run(EvalSet set, Function<List<Release>, Retriever> retrievers, Writer run, String tag,
      boolean withoutTopicCopies) throws IOException {
    List<Release> docs = Corpus.read(set.corpus());
    Map<String, String> topics = Judgments.topics(set.topics());
    Map<String, Map<String, Integer>> qrels = Judgments.qrels(set.qrels());
    Map<String, List<String>> byText = withoutTopicCopies ? byNormalizedText(docs) : Map.of();
    double ndcg = 0;
    double mrr = 0;
    double recall = 0;
    int scored = 0;
    int withCopies = 0;
    try (Retriever r = retrievers.apply(docs)) {
      for (Map.Entry<String, String> t : topics.entrySet()) {
        List<String> copies = byText.getOrDefault(Fingerprints.normalize(t.getValue()), List.of());
        List<String> ranked = r.rank(t.getValue(), DEPTH + copies.size());
        if (!copies.isEmpty()) {
          Set<String> drop = Set.copyOf(copies);
          ranked = ranked.stream().filter(id -> !drop.contains(id)).toList();
          withCopies++;
        }
        if (ranked.size() > DEPTH) ranked = ranked.subList(0, DEPTH);
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
    String name = withoutTopicCopies ? set.name() + " -copies" : set.name();
    if (withoutTopicCopies) {
      System.err.println(set.name() + ": " + withCopies + " of " + topics.size() + " topics have a copy in the corpus");
    }
    return new Scores(name, scored, ndcg / scored, mrr / scored, recall / scored);
  }

  /** Document ids by normalized title and by normalized body (a document may be listed under both). */
  private static Map<String, List<String>> byNormalizedText(List<Release> docs) {
    Map<String, List<String>> out = new HashMap<>();
    for (Release d : docs) {
      String body = Fingerprints.normalize(d.body());
      if (!body.isEmpty()) out.computeIfAbsent(body, k -> new ArrayList<>()).add(d.id());
      String title = d.title() == null ? "" : Fingerprints.normalize(d.title());
      if (!title.isEmpty() && !title.equals(body)) out.computeIfAbsent(title, k -> new ArrayList<>()).add(d.id());
    }
    return out;
  }
}
