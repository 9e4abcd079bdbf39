package org.bayan.http;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import java.util.Set;
import org.bayan.ingest.push.ApiKey;
import org.bayan.ingest.push.ApiKeys;

/**
 * The one check in front of every write and admin endpoint: an active API key with the scope the endpoint
 * needs, else 401 (no key, or an unknown or revoked one) or 403 (a key without the scope). The scope is
 * declared on the route itself ({@link Scope}) and read from the route the router matched, so whatever
 * spelling of a path reaches a handler (a trailing slash, say) carries that handler's check; a path that
 * matches no route reaches no handler and is a 404. Public reads need no key. The key found is left on the
 * request for the handler ({@link #key}).
 */
final class Access {
  /** The scope a route needs, declared where the route is registered. */
  enum Scope implements RouteRole {
    /** Pushing releases. */
    INGEST(ApiKey.INGEST),
    /** Operating the server: snapshots, metrics. */
    ADMIN(ApiKey.ADMIN);

    final String name;

    Scope(String name) {
      this.name = name;
    }
  }

  /** Where write and admin endpoints live: every route under it must declare a scope. */
  static final String ADMIN_PREFIX = "/api/admin/";
  /** Operational figures are for operators: an admin key, as a Prometheus scrape job's bearer token. */
  static final String METRICS_PATH = "/metrics";
  private static final String KEY_ATTRIBUTE = "bayan.api-key";
  private final ApiKeys keys;

  Access(ApiKeys keys) {
    this.keys = keys;
  }

  /** Whether the request carries an active key (any scope); never throws. */
  boolean authenticates(Context ctx) {
    String auth = ctx.header("Authorization");
    if (keys == null || auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
    return keys.authenticate(auth.substring(7).strip()).isPresent();
  }

  /** Runs once the router has matched a route: a route without a scope is public. */
  void check(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    if (roles.isEmpty()) return;
    Scope scope = (Scope) roles.iterator().next();
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
    if (!key.hasScope(scope.name)) {
      ctx.header("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"" + scope.name + "\"");
      throw new ForbiddenResponse("the API key '" + key.name() + "' lacks scope '" + scope.name + "' (it has "
          + String.join(", ", key.scopes()) + "); create one with bayan api-keys create NAME --scope " + scope.name);
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
