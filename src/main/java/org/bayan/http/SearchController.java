package org.bayan.http;

import io.javalin.http.Context;
import org.bayan.search.InvalidParameterException;
import org.bayan.search.SearchRequest;

/** {@code GET /api/search}; {@code debug=timing} adds the milliseconds each search stage took. */
final class SearchController {
  static final String DEBUG = "debug";
  static final String TIMING = "timing";

  private final MeteredSearch search;

  SearchController(MeteredSearch search) {
    this.search = search;
  }

  void search(Context ctx) {
    SearchRequest req = SearchRequest.parse(ctx.queryParamMap());
    String debug = ctx.queryParam(DEBUG);
    if (debug == null) {
      ctx.json(search.search(req));
      return;
    }
    if (!debug.equals(TIMING)) {
      throw new InvalidParameterException(DEBUG, "'" + debug + "' is not a debug view: use " + TIMING);
    }
    ctx.json(search.searchTimed(req));
  }
}
