package org.bayan.http;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import org.bayan.ingest.push.ApiKey;
import org.bayan.ingest.push.ApiKeys;

/**
 * The one check in front of every write and admin endpoint ({@code /api/admin/*}, {@code /metrics}): an active API key with the
 * scope the endpoint needs, else 401 (no key, or an unknown or revoked one) or 403 (a key without the scope).
 * Public reads need no key. The key found is left on the request for the handler ({@link #key}).
 */
final class Access {
  static final String ADMIN_PATHS = "/api/admin/*";
  /** Operational figures are for operators: an admin key, as a Prometheus scrape job's bearer token. */
  static final String METRICS_PATH = "/metrics";
  private static final String KEY_ATTRIBUTE = "bayan.api-key";
  private final ApiKeys keys;

  Access(ApiKeys keys) {
    this.keys = keys;
  }

  /** The scope an admin path needs: pushing releases is ingest, everything else is admin. */
  static String scopeFor(String path) {
    return path.equals("/api/admin/releases") ? ApiKey.INGEST : ApiKey.ADMIN;
  }

  /** Whether the request carries an active key (any scope); never throws. */
  boolean authenticates(Context ctx) {
    String auth = ctx.header("Authorization");
    if (keys == null || auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
    return keys.authenticate(auth.substring(7).strip()).isPresent();
  }

  void check(Context ctx) {
    if (ctx.method().name().equals("OPTIONS")) return;
    String auth = ctx.header("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new UnauthorizedResponse(
          "send an API key as 'Authorization: Bearer KEY' (create one with bayan api-keys create NAME --scope SCOPE)");
    }
    ApiKey key = keys == null ? null : keys.authenticate(auth.substring(7).strip()).orElse(null);
    if (key == null) {
      ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      throw new UnauthorizedResponse("the API key is unknown or revoked");
    }
    String scope = scopeFor(ctx.path());
    if (!key.hasScope(scope)) {
      ctx.header("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"" + scope + "\"");
      throw new ForbiddenResponse("the API key '" + key.name() + "' lacks scope '" + scope
          + "' (it has " + String.join(", ", key.scopes()) + "); create one with bayan api-keys create NAME --scope " + scope);
    }
    ctx.attribute(KEY_ATTRIBUTE, key);
  }

  /** The key {@link #check} accepted for this request. */
  static ApiKey key(Context ctx) {
    ApiKey key = ctx.attribute(KEY_ATTRIBUTE);
    if (key == null) throw new IllegalStateException("admin route reached without the access check: " + ctx.path());
    return key;
  }
}
