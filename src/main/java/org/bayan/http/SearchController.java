package org.bayan.http;

import io.javalin.http.Context;
import org.bayan.search.SearchRequest;
import org.bayan.search.StatementSearch;

/** {@code GET /api/search}. */
final class SearchController {
  private final StatementSearch search;

  SearchController(StatementSearch search) {
    this.search = search;
  }

  void search(Context ctx) {
    ctx.json(search.search(SearchRequest.parse(ctx.queryParamMap())));
  }
}
