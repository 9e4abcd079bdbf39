package org.bayan.eval;

/**
 * The averages of one run over the topics that have judgments.
 *
 * @param set test set name
 * @param topics topics averaged over
 */
public record Scores(String set, int topics, double ndcg10, double mrr10, double recall100) {
  public static final String HEADER = String.format("%-12s %7s %8s %8s %10s", "set", "topics", "nDCG@10", "MRR@10", "Recall@100");

  public String row() {
    return String.format("%-12s %7d %8.4f %8.4f %10.4f", set, topics, ndcg10, mrr10, recall100);
  }
}
