package org.bayan.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Abuse limits that apply before any handler runs, answered as a 4xx naming the limit (through
 * {@link ErrorMapping}): a per-client token bucket on the public endpoints (429 with {@code Retry-After}).
 * Limits on what a request asks for (query length, clauses, page depth, body size) are checked where the
 * request is parsed and answer 400 or 413 naming the parameter.
 */
final class Limits {
  /** Buckets kept before idle ones are dropped: bounds memory under a flood of distinct addresses. */
  private static final int MAX_CLIENTS = 100_000;
  private final LimitSettings settings;
  private final java.util.function.Predicate<Context> authenticated;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** @param authenticated whether a request carries an active API key (calls with one to a route that needs a key are not limited) */
  Limits(LimitSettings settings, java.util.function.Predicate<Context> authenticated) {
    this.settings = settings;
    this.authenticated = authenticated;
  }

  /**
   * Before routing, whatever the path: a request without an active key takes a token, so wrong keys on
   * every protected endpoint, however spelled, draw from the one bucket of their client.
   */
  void apply(Context ctx) {
    if (settings.perSecond() <= 0 || exempt(ctx.path())) return;
    // A request with a key is decided once its route is known (applyMatched).
    if (authenticated.test(ctx)) return;
    take(ctx);
  }

  /**
   * Once the route is known: a request with an active key to a route that needs one (an agency's bulk push,
   * a metrics scrape) is not throttled; to a public route it is, like anyone's.
   */
  void applyMatched(Context ctx) {
    if (settings.perSecond() <= 0 || exempt(ctx.path()) || !ctx.routeRoles().isEmpty()) return;
    if (authenticated.test(ctx)) take(ctx);
  }

  private void take(Context ctx) {
    if (buckets.size() > MAX_CLIENTS) evictFull();
    String client = client(ctx);
    long waitNanos = buckets.computeIfAbsent(client, c -> new Bucket(settings.burst())).take(settings);
    if (waitNanos > 0) {
      long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
      ctx.header("Retry-After", Long.toString(seconds));
      throw new HttpResponseException(429, "rate limit exceeded: at most " + rate() + " requests/s per client (burst "
          + settings.burst() + "); retry after " + seconds + " s");
    }
  }

  private String rate() {
    double r = settings.perSecond();
    return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
  }

  /** Health checks and static assets are not rate limited (calls with a key to a keyed route neither). */
  private static boolean exempt(String path) {
    return path.equals("/healthz") || path.startsWith("/static/")
        || path.equals("/embed.js");
  }

  private String client(Context ctx) {
    String header = settings.clientIpHeader();
    if (header != null) {
      String v = ctx.header(header);
      if (v != null && !v.isBlank()) {
        // The trusted proxy appends the address it saw: the last entry. Earlier ones are the client's say-so.
        String last = v.substring(v.lastIndexOf(',') + 1).strip();
        if (!last.isEmpty()) return last.length() > 64 ? last.substring(0, 64) : last;
      }
    }
    return ctx.req().getRemoteAddr();
  }

  private void evictFull() {
    long now = System.nanoTime();
    buckets.values().removeIf(b -> b.fullAt(now, settings));
    if (buckets.size() > MAX_CLIENTS) buckets.clear(); // all busy: forgetting them only errs on the lenient side
  }

  private static final class Bucket {
    private double tokens;
    private long last = System.nanoTime();

    Bucket(int burst) {
      this.tokens = burst;
    }

    /** Takes a token: 0 when there was one, else the nanoseconds until there will be. */
    synchronized long take(LimitSettings s) {
      refill(System.nanoTime(), s);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - tokens) / s.perSecond() * 1e9);
    }

    synchronized boolean fullAt(long now, LimitSettings s) {
      refill(now, s);
      return tokens >= s.burst();
    }

    private void refill(long now, LimitSettings s) {
      tokens = Math.min(s.burst(), tokens + (now - last) / 1e9 * s.perSecond());
      last = now;
    }
  }
}
