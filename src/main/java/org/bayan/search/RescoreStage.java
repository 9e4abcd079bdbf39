package org.bayan.search;

import java.io.IOException;
import org.apache.lucene.search.TopDocs;

/**
 * Stage: the trigram clauses scored on the first pass's best {@link GramsRescore#DEPTH} hits and added to their
 * scores (GramsRescore). Past the budget the first pass's order stands: rescoring scores every hit of its
 * window directly, outside the searcher's timeout checks.
 */
final class RescoreStage {
  private RescoreStage() {}

  static void run(SearchContext c) throws IOException {
    if (c.head != null || !c.rescoring() || c.spent()) return;
    long t = c.timings.start();
    c.docs = c.split.rescore(c.acquired, c.docs, GramsRescore.DEPTH);
    c.timings.stop(SearchStage.RESCORE, t);
  }

  /** The head of the order a cursor continues: the first pass's best hits ({@code first}) rescored. */
  static void head(SearchContext c, TopDocs first) throws IOException {
    long t = c.timings.start();
    c.head = c.split.head(c.searcher, first);
    c.timings.stop(SearchStage.RESCORE, t);
  }
}
