package org.bayan.http;

import java.util.List;
import java.util.Map;
import org.bayan.search.DuplicateRef;
import org.bayan.search.SearchRequest;
import org.bayan.search.SearchResponse;
import org.bayan.search.StatementSearch;

/**
 * The server's search engine, with each search's stage timings recorded in {@code /metrics} whichever route
 * asked (API, page, feed), and left out of what it answers: only {@link #searchTimed} keeps them, for
 * {@code /api/search?debug=timing}.
 */
final class MeteredSearch implements StatementSearch {
  private final StatementSearch engine;
  private final ServerMetrics metrics;

  MeteredSearch(StatementSearch engine, ServerMetrics metrics) {
    this.engine = engine;
    this.metrics = metrics;
  }

  /** A search page with the milliseconds each stage took. */
  SearchResponse searchTimed(SearchRequest req) {
    SearchResponse res = engine.search(req, true);
    metrics.stages(res.timing());
    return res;
  }

  @Override
  public SearchResponse search(SearchRequest req, boolean facets) {
    SearchResponse res = engine.search(req, facets);
    metrics.stages(res.timing());
    return res.withoutTiming();
  }

  @Override
  public Map<String, Long> countByAgency(List<String> agencyIds) {
    return engine.countByAgency(agencyIds);
  }

  @Override
  public int size() {
    return engine.size();
  }

  @Override
  public List<DuplicateRef> duplicatesOf(String id) {
    return engine.duplicatesOf(id);
  }
}
