package org.bayan.search;

import java.io.IOException;
import org.apache.lucene.search.Query;

/**
 * Stage: a corrected query when few statements matched. Looked for only when the search was complete: "few
 * hits" from a cut search says nothing about the spelling, and the lookup reads the whole vocabulary. Offered
 * only if it finds more than what was asked.
 */
final class SpellingStage {
  private final Spelling spelling;
  private final SearchPlanner planner;

  SpellingStage(Spelling spelling, SearchPlanner planner) {
    this.spelling = spelling;
    this.planner = planner;
  }

  /** The correction to offer, or null. */
  String run(SearchContext c, long total) throws IOException {
    if (!c.facets || c.partial || total >= SearchService.FEW_HITS) return null;
    long t = c.timings.start();
    try {
      String corrected = spelling.correct(c.plan.parsed(), Spelling.vocabulary(c.acquired.getIndexReader()));
      if (corrected == null || corrected.equals(c.req.query())) return null;
      Query q = planner.plan(corrected, c.req).query();
      return c.acquired.count(q) > total ? corrected : null;
    } finally {
      c.timings.stop(SearchStage.SPELLING, t);
    }
  }
}
