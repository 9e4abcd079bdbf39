package org.bayan.http;

import io.javalin.config.JavalinConfig;
import java.util.function.Consumer;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.bayan.ingest.push.PushFailedException;
import org.bayan.search.EngineException;
import org.bayan.search.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers, all as {@link ApiError} JSON, except a 404 to a client
 * that prefers HTML (a browser following a stale link), which gets a page from {@code htmlNotFound}.
 */
final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  static void install(JavalinConfig config, Consumer<Context> htmlNotFound) {
    // Requests Jetty refuses before any route sees them (a malformed Host header, an ambiguous URI, headers
    // too large) are answered by the server's error handler: the same JSON, not Jetty's HTML page.
    config.jetty.modifyServer(server -> server.setErrorHandler(new ProtocolErrors()));
    config.routes.exception(InvalidParameterException.class,
        (e, ctx) -> answer(ctx, HttpStatus.BAD_REQUEST, "invalid_parameter", e.getMessage()));
    config.routes.exception(HttpResponseException.class, (e, ctx) -> {
      HttpStatus status = HttpStatus.forStatus(e.getStatus());
      if (status == HttpStatus.NOT_FOUND && prefersHtml(ctx.header("Accept"))) {
        htmlNotFound.accept(ctx.status(status));
        return;
      }
      String detail = status == HttpStatus.METHOD_NOT_ALLOWED
          ? ctx.method() + " is not supported on " + sanitize(ctx.path())
          : e.getMessage();
      answer(ctx, status, code(status), detail);
    });
    config.routes.exception(EngineException.class, (e, ctx) -> {
      LOG.error("search engine failed on {} {}", ctx.method(), sanitize(ctx.path()), e);
      if (e.unavailable()) {
        answer(ctx, HttpStatus.SERVICE_UNAVAILABLE, "engine_unavailable",
            "the search engine did not answer; try again shortly");
      } else {
        answer(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
            "the server failed to answer this request; it has been logged");
      }
    });
    config.routes.exception(PushFailedException.class, (e, ctx) -> {
      if (e.diskFull()) {
        // Every push fails alike until space is freed: one line each, not a stack trace.
        LOG.error("a push could not be completed on {} {}: {}", ctx.method(), sanitize(ctx.path()), e.getMessage());
        answer(ctx, HttpStatus.INSUFFICIENT_STORAGE, "insufficient_storage", e.getMessage());
      } else {
        LOG.error("a push could not be completed on {} {}", ctx.method(), sanitize(ctx.path()), e);
        answer(ctx, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", e.getMessage());
      }
    });
    config.routes.exception(Exception.class, (e, ctx) -> {
      if (PushFailedException.isDiskFull(e)) {
        // Not a bug but the server's disk: say so, as a full disk is what an operator must act on.
        LOG.error("the disk is full on {} {}", ctx.method(), sanitize(ctx.path()), e);
        answer(ctx, HttpStatus.INSUFFICIENT_STORAGE, "insufficient_storage",
            "the server could not write: " + PushFailedException.DISK_FULL + "; try again once space is freed");
        return;
      }
      // A bug, not the user's input: log it whole, answer without internals.
      LOG.error("unhandled error on {} {}", ctx.method(), sanitize(ctx.path()), e);
      answer(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
          "the server failed to answer this request; it has been logged");
    });
    config.routes.error(404, "*", ctx -> {
      if (isApiError(ctx)) return;
      if (prefersHtml(ctx.header("Accept"))) htmlNotFound.accept(ctx.status(HttpStatus.NOT_FOUND));
      else answer(ctx, HttpStatus.NOT_FOUND, "not_found", "no such resource: " + sanitize(ctx.path()));
    });
  }

  static void answer(Context ctx, HttpStatus status, String code, String detail) {
    ctx.status(status).json(new ApiError(code, detail));
  }

  /**
   * Whether an Accept header ranks text/html above JSON (RFC 9110 quality values, the most specific range
   * deciding). Browsers send text/html first; API clients send JSON or {@code *}/{@code *}, and a tie goes to
   * JSON, so a client that says nothing keeps the {@link ApiError} it always had.
   */
  static boolean prefersHtml(String accept) {
    if (accept == null || accept.isBlank()) return false;
    return quality(accept, "text", "html") > quality(accept, "application", "json");
  }

  private static double quality(String accept, String type, String subtype) {
    double best = 0;
    int specificity = -1;
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String media = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
      int slash = media.indexOf('/');
      if (slash < 0) continue;
      String t = media.substring(0, slash), st = media.substring(slash + 1);
      int s = t.equals(type) && st.equals(subtype) ? 2 : t.equals(type) && st.equals("*") ? 1
          : t.equals("*") && st.equals("*") ? 0 : -1;
      if (s < 0 || s < specificity) continue;
      double q = 1;
      for (int i = 1; i < parts.length; i++) {
        String p = parts[i].strip();
        if (p.startsWith("q=")) {
          try {
            q = Double.parseDouble(p.substring(2).strip());
          } catch (NumberFormatException e) {
            q = 0; // a malformed weight counts as "not acceptable" rather than failing the request
          }
        }
      }
      if (s > specificity) {
        specificity = s;
        best = q;
      } else {
        best = Math.max(best, q);
      }
    }
    return best;
  }

  private static boolean isApiError(Context ctx) {
    String ct = ctx.res().getContentType();
    // A JSON error from the API or a page telling a reader what is missing: either is already the answer.
    return ct != null && (ct.startsWith("application/json") || ct.startsWith("text/html"))
        && ctx.result() != null && !ctx.result().isEmpty();
  }

  private static String code(HttpStatus s) {
    return switch (s.getCode()) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 429 -> "rate_limited";
      case 415 -> "unsupported_media_type";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "payload_too_large";
      default -> s.name().toLowerCase();
    };
  }

  /** Jetty's answer to a request it could not parse or route, as {@link ApiError} JSON. */
  private static final class ProtocolErrors extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      int code = response.getStatus() >= 400 ? response.getStatus() : 400;
      Object message = request.getAttribute(ERROR_MESSAGE);
      String detail = message == null || message.toString().isBlank()
          ? "the request could not be read as HTTP"
          : "the request could not be read as HTTP: " + sanitize(message.toString());
      byte[] body;
      try {
        body = Json.mapper().writeValueAsBytes(new ApiError(code(HttpStatus.forStatus(code)), detail));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e); // two strings always serialize
      }
      response.setStatus(code);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
      response.write(true, ByteBuffer.wrap(body), callback);
      return true;
    }
  }

  /** Keeps user-controlled text from forging log lines or bloating answers. */
  static String sanitize(String s) {
    if (s == null) return "";
    String t = s.length() > 200 ? s.substring(0, 200) + "…" : s;
    return t.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]", "?");
  }
}
