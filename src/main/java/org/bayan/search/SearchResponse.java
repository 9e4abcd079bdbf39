package org.bayan.search;

import java.util.List;

/** A page of hits. {@code total} is exact up to {@link SearchService#TOTAL_HITS_THRESHOLD}, else a lower bound. */
public record SearchResponse(String query, long total, long tookMs, int page, int size, List<Hit> hits) {}
