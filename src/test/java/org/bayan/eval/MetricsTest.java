package org.bayan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
  private static final Map<String, Integer> ONE = Map.of("d2", 1);

  @Test
  void relevant_document_at_rank_two() {
    List<String> ranked = List.of("d1", "d2", "d3");
    assertEquals(1 / (Math.log(3) / Math.log(2)), Metrics.ndcgAt(10, ranked, ONE), 1e-12);
    assertEquals(0.5, Metrics.mrrAt(10, ranked, ONE), 1e-12);
    assertEquals(1.0, Metrics.recallAt(100, ranked, ONE), 1e-12);
  }

  @Test
  void relevant_document_below_the_cut_off_scores_nothing() {
    List<String> ranked = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "d2");
    assertEquals(0, Metrics.ndcgAt(10, ranked, ONE));
    assertEquals(0, Metrics.mrrAt(10, ranked, ONE));
    assertEquals(1.0, Metrics.recallAt(100, ranked, ONE));
  }

  @Test
  void graded_judgments_use_exponential_gain_against_the_ideal_order() {
    Map<String, Integer> judged = Map.of("x", 2, "y", 1, "z", 0);
    double ideal = 3 + 1 / (Math.log(3) / Math.log(2));
    double got = 1 + 3 / (Math.log(3) / Math.log(2));
    assertEquals(got / ideal, Metrics.ndcgAt(10, List.of("y", "x", "z"), judged), 1e-12);
    assertEquals(0.5, Metrics.recallAt(100, List.of("y"), judged), 1e-12);
  }
}
