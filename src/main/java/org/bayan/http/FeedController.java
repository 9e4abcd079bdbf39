package org.bayan.http;

import io.javalin.http.Context;
import org.bayan.search.SearchRequest;
import org.bayan.search.StatementSearch;
import org.bayan.search.SortOrder;

/** {@code GET /api/search.atom}: any search as an Atom feed, newest first. */
final class FeedController {
  private final StatementSearch search;

  FeedController(StatementSearch search) {
    this.search = search;
  }

  void feed(Context ctx) {
    SearchRequest req = SearchRequest.parse(ctx.queryParamMap()).sortedBy(SortOrder.NEWEST);
    String base = ctx.scheme() + "://" + ctx.host();
    String self = base + ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
    ctx.contentType("application/atom+xml; charset=utf-8")
        .result(AtomFeed.render(search.search(req, false), base, self, req.query()));
  }
}
