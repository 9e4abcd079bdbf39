package org.bayan.search;

import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;

/** Stage: the page cut out of the collapsed hits, and the cursor that continues after it. */
final class PageStage {
  private PageStage() {}

  static void run(SearchContext c) {
    long t = c.timings.start();
    int from = Math.min(c.kept.size(), c.skip);
    c.page = c.kept.subList(from, Math.min(c.kept.size(), from + c.req.size())).toArray(ScoreDoc[]::new);
    c.timings.stop(SearchStage.PAGE, t);
  }

  /**
   * The cursor after the page's last hit, or null at the end of the list. Its value is read in the plan's order,
   * and it is bound to the order the request asked for: they differ when a query has no text to rank by
   * (relevance is browsed newest first), and the request is all a cursor is checked against.
   */
  static String next(SearchContext c, long total, boolean exact) {
    ScoreDoc[] page = c.page;
    if (page.length < c.req.size() || (c.skip + page.length >= total && exact && c.req.cursor() == null)) return null;
    ScoreDoc last = page[page.length - 1];
    SortOrder asked = c.req.effectiveSort();
    Cursor cursor = c.plan.order() == SortOrder.RELEVANCE
        ? Cursor.afterDoc(asked, Float.floatToIntBits(last.score), last.doc)
        : Cursor.afterDoc(asked, (Long) ((FieldDoc) last).fields[0], last.doc);
    return cursor.encode(c.req.fingerprint());
  }
}
