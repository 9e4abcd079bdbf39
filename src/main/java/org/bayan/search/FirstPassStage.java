package org.bayan.search;

import java.io.IOException;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.bayan.index.Fields;

/**
 * Stage: the matches, counted exactly up to {@link SearchService#TOTAL_HITS_THRESHOLD}, and the best
 * {@link SearchContext#window} of them by the query's words. The window is only as wide as the page, the
 * rescoring depth and the facet sample need: a wider one keeps Lucene from skipping what cannot reach it
 * (dynamic pruning). After a relevance cursor, the page continues the first page's order: the rescored head,
 * then the first pass's later hits.
 */
final class FirstPassStage {
  private FirstPassStage() {}

  static void run(SearchContext c) throws IOException {
    if (c.rescoring() && c.req.cursor() != null) {
      if (c.head == null) {
        long t = c.timings.start();
        TopDocs first = c.split.headPass(c.searcher);
        c.timings.stop(SearchStage.FIRST_PASS, t);
        RescoreStage.head(c, first);
      }
      long t = c.timings.start();
      ScoreDoc after = relevanceAfter(c.req.cursor(), c.searcher);
      TopDocs tail = c.head.tailAfter(c.searcher, after, c.window, SearchService.TOTAL_HITS_THRESHOLD);
      c.collected = tail.scoreDocs.length;
      c.docs = c.head.after(after, tail);
      c.timings.stop(SearchStage.FIRST_PASS, t);
      return;
    }
    long t = c.timings.start();
    c.docs = c.searcher.search(c.matching,
        topDocs(c.plan.order(), c.window, c.req.cursor(), c.searcher, SearchService.TOTAL_HITS_THRESHOLD));
    c.collected = c.docs.scoreDocs.length;
    c.timings.stop(SearchStage.FIRST_PASS, t);
  }

  // Where a relevance cursor stopped, as Lucene's "after" (the document number bounded by this reader's).
  private static ScoreDoc relevanceAfter(Cursor cursor, IndexSearcher s) {
    if (cursor.key() != null) throw Cursor.fromAnotherEngine();
    return new ScoreDoc(Math.min(cursor.doc(), s.getIndexReader().maxDoc()), Float.intBitsToFloat((int) cursor.value()));
  }

  /** The best {@code n} hits in {@code order} after {@code cursor} (or from the start), counting up to {@code countUpTo}. */
  static CollectorManager<?, ? extends TopDocs> topDocs(SortOrder order, int n, Cursor cursor, IndexSearcher s,
      int countUpTo) {
    if (cursor != null && cursor.key() != null) throw Cursor.fromAnotherEngine();
    int maxDoc = s.getIndexReader().maxDoc();
    if (order == SortOrder.RELEVANCE) {
      ScoreDoc after = cursor == null ? null : new ScoreDoc(Math.min(cursor.doc(), maxDoc),
          Float.intBitsToFloat((int) cursor.value()));
      return new TopScoreDocCollectorManager(n, after, countUpTo);
    }
    FieldDoc after = cursor == null ? null : new FieldDoc(Math.min(cursor.doc(), maxDoc), Float.NaN,
        new Object[] {cursor.value(), Math.min(cursor.doc(), maxDoc)});
    return new TopFieldCollectorManager(sort(order), n, after, countUpTo);
  }

  private static Sort sort(SortOrder order) {
    return new Sort(new SortField(Fields.PUBLISHED, SortField.Type.LONG, order == SortOrder.NEWEST),
        SortField.FIELD_DOC);
  }
}
