package org.bayan.search;

import java.util.List;
import java.util.Map;

/**
 * What the HTTP layer asks of a search engine: the embedded Lucene one ({@link SearchService}) or a cluster
 * (OpenSearch). Implementations answer the same requests with the same response shapes.
 */
public interface StatementSearch {
  default SearchResponse search(SearchRequest req) {
    return search(req, true);
  }

  /** With {@code facets} false, no facet counts and no spelling suggestion (e.g. for feeds). */
  SearchResponse search(SearchRequest req, boolean facets);

  /** Number of statements of each agency, for those that have any. */
  Map<String, Long> countByAgency(List<String> agencyIds);

  /** Statements currently searchable. */
  int size();

  /** The other statements of a statement's duplicate group (none where the engine does not group them). */
  default List<DuplicateRef> duplicatesOf(String id) {
    return List.of();
  }
}
