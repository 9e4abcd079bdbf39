package org.bayan.http;

import io.javalin.http.Context;
import org.bayan.search.SearchRequest;
import org.bayan.search.SearchService;

/** {@code GET /api/search}. */
final class SearchController {
  private final SearchService search;

  SearchController(SearchService search) {
    this.search = search;
  }

  void search(Context ctx) {
    SearchRequest req = SearchRequest.parse(
        ctx.queryParam("q"), ctx.queryParams("agency"), ctx.queryParam("lang"), ctx.queryParam("from"),
        ctx.queryParam("to"), ctx.queryParam("page"), ctx.queryParam("size"),
        ctx.queryParams("type"));
    ctx.json(search.search(req));
  }
}
