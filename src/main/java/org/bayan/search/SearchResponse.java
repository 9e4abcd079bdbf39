package org.bayan.search;

import java.util.List;
import java.util.Map;

/**
 * A page of hits. {@code total} is the number of hits the pages of this result list hold (a duplicate group
 * counts once: its other statements are listed beside its best hit): exact when {@code totalRelation} is
 * {@link #EXACT}, a lower bound when it is {@link #LOWER_BOUND} (past {@link SearchService#TOTAL_HITS_THRESHOLD}
 * hits, or on an engine that counts no further). {@code facets} maps agency, type, language and year to their counts over the whole
 * result set, or, when {@code facetsApproximate}, over its best {@link SearchService#FACET_SAMPLE} hits;
 * {@code nextCursor} continues the walk after this page (null at the end); {@code didYouMean} is a corrected
 * query when this one found little; {@code partial} is true when the search ran out of its time budget and
 * answers with what it found by then: {@code total} is then a lower bound, never below the hits shown, facets
 * are over the hits collected (approximate), hits are not highlighted and no correction is offered.
 * {@code timing} is the milliseconds each {@link SearchStage} took (by {@link SearchStage#param}), shown only when
 * asked for ({@code debug=timing}); null otherwise.
 */
public record SearchResponse(
    String query, long total, long tookMs, int page, int size, String sort, List<Hit> hits,
    Map<String, List<FacetValue>> facets, boolean facetsApproximate, String nextCursor, String didYouMean,
    boolean partial, String totalRelation, Map<String, Double> timing) {
  /** {@code total} is the exact number of hits. */
  public static final String EXACT = "eq";
  /** There are at least {@code total} hits. */
  public static final String LOWER_BOUND = "gte";

  /** The same answer without its stage timings (what an answer shows unless they are asked for). */
  public SearchResponse withoutTiming() {
    return timing == null ? this : new SearchResponse(query, total, tookMs, page, size, sort, hits, facets,
        facetsApproximate, nextCursor, didYouMean, partial, totalRelation, null);
  }
}
