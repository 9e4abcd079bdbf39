package org.bayan.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.ScoreDoc;

/**
 * Stage: facet counts from doc values. Over every match up to {@link SearchService#TOTAL_HITS_THRESHOLD}
 * matches (with the total counted in the same pass), over the best {@link SearchService#FACET_SAMPLE} hits past
 * it, which the first pass has already collected, so the first pass is never widened for facets. Past the
 * budget, over what was collected, with no pass of its own.
 */
final class FacetStage {
  private FacetStage() {}

  static void run(SearchContext c) throws IOException {
    if (!c.facets) return;
    long t = c.timings.start();
    boolean firstPage = c.req.cursor() == null;
    if (c.spent()) {
      c.counts = FacetCounts.over(c.acquired, c.docs.scoreDocs);
    } else if (firstPage && c.allCollected()) {
      c.counts = FacetCounts.over(c.searcher, c.docs.scoreDocs);
    } else if (c.many()) {
      // A first page's hits are the best in ranked order; a page after a cursor holds later hits only.
      ScoreDoc[] sample = firstPage && c.docs.scoreDocs.length >= SearchService.FACET_SAMPLE
          ? Arrays.copyOf(c.docs.scoreDocs, SearchService.FACET_SAMPLE)
          : c.searcher.search(c.matching, FirstPassStage.topDocs(c.plan.order(), SearchService.FACET_SAMPLE, null,
              c.searcher, SearchService.FACET_SAMPLE)).scoreDocs;
      c.counts = FacetCounts.over(c.searcher, sample);
    } else {
      Object[] both = c.searcher.search(c.matching,
          new MultiCollectorManager(new FacetCounts(), new CollapsedCount(SearchService.TOTAL_HITS_THRESHOLD, c.groups())));
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Long>> counts = (Map<String, Map<String, Long>>) both[0];
      c.counts = counts;
      c.shown = (CollapsedCount.Result) both[1];
    }
    c.timings.stop(SearchStage.FACETS, t);
  }
}
