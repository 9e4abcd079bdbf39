package org.bayan.search;

import java.io.IOException;

/**
 * Stage: {@code total}, what the pages can show (each duplicate group once), when the facet pass did not count
 * it. From the collected hits when they are every match, or past the budget (a lower bound then); else a
 * counting pass that stops at {@link SearchService#TOTAL_HITS_THRESHOLD}.
 */
final class CountStage {
  private CountStage() {}

  static void run(SearchContext c) throws IOException {
    if (c.shown != null) return;
    long t = c.timings.start();
    c.shown = c.spent() || (c.req.cursor() == null && c.allCollected())
        ? CollapsedCount.over(c.acquired, c.docs.scoreDocs, SearchService.TOTAL_HITS_THRESHOLD, c.groups())
        : c.searcher.search(c.matching, new CollapsedCount(SearchService.TOTAL_HITS_THRESHOLD, c.groups()));
    c.timings.stop(SearchStage.COUNT, t);
  }
}
