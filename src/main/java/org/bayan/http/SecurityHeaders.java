package org.bayan.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Headers that make Bayan safe to embed and to read from other sites: CORS on the public read endpoints
 * (configured origins, never credentials), a Content-Security-Policy without inline scripts on every answer,
 * framing allowed for {@code /embed} only.
 */
final class SecurityHeaders {
  private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; manifest-src 'self'";

  /**
   * The public endpoints other sites' pages may call, in route syntax (preflight routes are registered for
   * these). Everything under them is public too: statements' versions, diffs and proofs, the log.
   */
  static final java.util.List<String> PUBLIC_PATHS = java.util.List.of(
      "/api/search", "/api/search.atom", "/api/suggest", "/api/agencies", "/api/claims/lookup",
      "/api/statements/{id}", "/api/statements/{id}/versions", "/api/statements/{id}/diff",
      "/api/statements/{id}/proof", "/api/log/checkpoint", "/api/log/key", "/api/log/entries",
      "/api/log/consistency", "/openapi.json", "/embed.js");

  private final WebSettings web;

  SecurityHeaders(WebSettings web) {
    this.web = web;
  }

  void apply(Context ctx) {
    String path = ctx.path();
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
    if (path.equals("/embed")) {
      ctx.header("Content-Security-Policy", CSP + "; frame-ancestors " + web.frameAncestors());
    } else {
      ctx.header("Content-Security-Policy", CSP + "; frame-ancestors 'none'");
      ctx.header("X-Frame-Options", "DENY");
    }
    if (isPublicRead(path)) cors(ctx);
  }

  /** Answers a CORS preflight on a public endpoint (GET; POST only for claim lookup, which reads too). */
  void preflight(Context ctx) {
    if (isPublicRead(ctx.path())) {
      ctx.header("Access-Control-Allow-Methods",
          ctx.path().equals("/api/claims/lookup") ? "GET, POST, OPTIONS" : "GET, OPTIONS");
      ctx.header("Access-Control-Allow-Headers", "Content-Type, Accept");
      ctx.header("Access-Control-Max-Age", "86400");
    }
    ctx.status(HttpStatus.NO_CONTENT);
  }

  static boolean isPublicRead(String path) {
    return path.equals("/api/search") || path.equals("/api/search.atom") || path.equals("/api/suggest")
        || path.equals("/api/agencies") || path.equals("/api/claims/lookup") || path.startsWith("/api/statements/")
        || path.startsWith("/api/log/") || path.equals("/openapi.json") || path.equals("/embed.js");
  }

  private void cors(Context ctx) {
    // Other sites' pages and COEP-isolated pages may load these, nothing more: no cookies are involved.
    ctx.header("Cross-Origin-Resource-Policy", "cross-origin");
    if (web.anyOrigin()) {
      ctx.header("Access-Control-Allow-Origin", "*");
      return;
    }
    ctx.header("Vary", "Origin");
    String origin = ctx.header("Origin");
    if (origin != null && web.corsOrigins().contains(origin)) ctx.header("Access-Control-Allow-Origin", origin);
  }
}
