package org.bayan.http;

import io.javalin.http.Context;
import org.bayan.search.SearchRequest;
import org.bayan.search.StatementSearch;
import org.bayan.search.SortOrder;

/** {@code GET /api/search.atom}: any search as an Atom feed, newest first. */
final class FeedController {
  private final StatementSearch search;

  private final WebSettings web;

  FeedController(StatementSearch search, WebSettings web) {
    this.search = search;
    this.web = web;
  }

  void feed(Context ctx) {
    SearchRequest req = SearchRequest.parse(ctx.queryParamMap()).sortedBy(SortOrder.NEWEST);
    // Feed readers keep these links: never build them from a Host header that is not a plain host name.
    String base = web.base(ctx);
    if (base == null) throw new io.javalin.http.BadRequestResponse("the Host header is not a host name; set --public-url");
    String self = base + ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
    ctx.contentType("application/atom+xml; charset=utf-8")
        .result(AtomFeed.render(search.search(req, false), base, self, req.query()));
  }
}
