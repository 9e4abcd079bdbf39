package org.bayan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The harness measures what it says: pointed at stock Lucene it reproduces the published baseline of the
 * evaluation guide (../shared/eval/README.md).
 */
class StockBaselineTest {
  private static final double TOLERANCE = 0.002;

  private static Scores stock(String set) throws Exception {
    return Evaluation.run(EvalSet.in(EvalSets.root().resolve(set)), StockRetriever::new, null, "stock");
  }

  @Test
  void stock_arabic_analyzer_reproduces_the_published_arcd_baseline() throws Exception {
    Scores s = stock("arcd-train");
    assertEquals(693, s.topics());
    assertEquals(0.8120, s.ndcg10(), TOLERANCE, "nDCG@10");
    assertEquals(0.7671, s.mrr10(), TOLERANCE, "MRR@10");
    assertEquals(0.9841, s.recall100(), TOLERANCE, "Recall@100");
  }

  @Test
  void stock_arabic_analyzer_reproduces_the_published_ans_dev_baseline() throws Exception {
    Scores s = stock("ans-dev");
    assertEquals(739, s.topics());
    assertEquals(0.6871, s.ndcg10(), TOLERANCE, "nDCG@10");
    assertEquals(0.6081, s.mrr10(), TOLERANCE, "MRR@10");
    assertEquals(0.9946, s.recall100(), TOLERANCE, "Recall@100");
  }

  @Test
  void stock_english_analyzer_reproduces_the_published_xquadr_en_baseline() throws Exception {
    Scores s = stock("xquadr-en");
    assertEquals(0.8404, s.ndcg10(), TOLERANCE, "nDCG@10");
    assertEquals(0.8087, s.mrr10(), TOLERANCE, "MRR@10");
    assertEquals(0.9765, s.recall100(), TOLERANCE, "Recall@100");
  }
}
