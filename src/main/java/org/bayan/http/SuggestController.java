package org.bayan.http;

import io.javalin.http.Context;
import java.util.Map;
import org.bayan.search.InvalidParameterException;
import org.bayan.search.SuggestService;
import org.bayan.search.Suggester;

/** {@code GET /api/suggest?q=&size=}: completions from agency names and statement titles. */
final class SuggestController {
  private final Suggester suggest;

  SuggestController(Suggester suggest) {
    this.suggest = suggest;
  }

  void suggest(Context ctx) {
    String q = ctx.queryParam("q");
    if (q != null && q.length() > 200) throw new InvalidParameterException("q", "at most 200 characters");
    ctx.json(Map.of("query", q == null ? "" : q,
        "suggestions", suggest.suggest(q, SuggestService.size(ctx.queryParam("size")))));
  }
}
