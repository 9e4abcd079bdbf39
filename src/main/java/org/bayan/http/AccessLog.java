package org.bayan.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the {@code bayan.access} logger: client, method, route template, raw path and
 * query, status, milliseconds. Built only from these: request headers, and so API keys in
 * {@code Authorization}, are never logged. Everything the client sent is stripped of line breaks and other
 * control characters, so no query string can forge a log line.
 */
final class AccessLog {
  private static final Logger LOG = LoggerFactory.getLogger("bayan.access");
  static final int MAX_TARGET_CHARS = 500;

  void log(Context ctx, Float ms) {
    if (!LOG.isInfoEnabled()) return;
    String query = ctx.queryString();
    LOG.info(line(ctx.req().getRemoteAddr(), ctx.method().name(), route(ctx),
        query == null ? ctx.path() : ctx.path() + "?" + query, ctx.statusCode(), ms == null ? 0 : ms));
  }

  /** The route template ({@code /api/statements/{id}}), or {@code -} when no route matched. */
  static String route(Context ctx) {
    Endpoint e = ctx.endpoints().matchedHttpEndpoint();
    return e == null ? "-" : e.path;
  }

  static String line(String client, String method, String route, String target, int status, float ms) {
    return clean(client, 64) + " " + clean(method, 16) + " " + clean(route, 100) + " " + clean(target, MAX_TARGET_CHARS)
        + " " + status + " " + String.format(java.util.Locale.ROOT, "%.1fms", ms);
  }

  /** Control characters (CR, LF, NEL…) and Unicode line/paragraph separators become '?'; long text is cut. */
  static String clean(String s, int max) {
    if (s == null || s.isEmpty()) return "-";
    String t = s.length() > max ? s.substring(0, max) + "…" : s;
    return t.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]", "?").replace(' ', '+');
  }
}
