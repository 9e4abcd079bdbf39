package org.bayan.eval;

import java.util.List;
import java.util.Map;

/**
 * The measures of the evaluation guide, for one topic. Relevance grades above 0 count as relevant.
 * nDCG@10 uses gain 2^rel − 1 and a log2(rank + 1) discount, its ideal ranking taken from the judgments.
 */
public final class Metrics {
  private Metrics() {}

  public static double ndcgAt(int k, List<String> ranked, Map<String, Integer> judged) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      int rel = judged.getOrDefault(ranked.get(i), 0);
      if (rel > 0) dcg += (Math.pow(2, rel) - 1) / log2(i + 2);
    }
    int[] ideal = judged.values().stream().filter(r -> r > 0).sorted((a, b) -> b - a).mapToInt(Integer::intValue)
        .toArray();
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.length); i++) idcg += (Math.pow(2, ideal[i]) - 1) / log2(i + 2);
    return idcg == 0 ? 0 : dcg / idcg;
  }

  public static double mrrAt(int k, List<String> ranked, Map<String, Integer> judged) {
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (judged.getOrDefault(ranked.get(i), 0) > 0) return 1.0 / (i + 1);
    }
    return 0;
  }

  public static double recallAt(int k, List<String> ranked, Map<String, Integer> judged) {
    long relevant = judged.values().stream().filter(r -> r > 0).count();
    if (relevant == 0) return 0;
    int found = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (judged.getOrDefault(ranked.get(i), 0) > 0) found++;
    }
    return (double) found / relevant;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
