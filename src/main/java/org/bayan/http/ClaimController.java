package org.bayan.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bayan.search.InvalidParameterException;
import org.bayan.search.claims.ClaimRequest;
import org.bayan.search.claims.ClaimService;

/**
 * {@code POST /api/claims/lookup} (a JSON body) and {@code GET /api/claims/lookup?text=...}: the same
 * parameters either way, validated in {@link ClaimRequest#parse}.
 */
final class ClaimController {
  /** A JSON body holds a claim of 5,000 characters (up to 4 bytes each) with room for the filters. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private final ClaimService claims;
  private final WebSettings web;

  ClaimController(ClaimService claims, WebSettings web) {
    this.web = web;
    this.claims = claims;
  }

  private static HttpResponseException tooLarge() {
    return new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), "the request body is over "
        + MAX_BODY_BYTES / 1024 + " KiB: send at most " + ClaimRequest.MAX_TEXT_CHARS + " characters of claim");
  }

  void get(Context ctx) {
    ClaimRequest req = ClaimRequest.parse(ctx.queryParam("text"), ctx.queryParam("lang"), ctx.queryParams("agency"),
        ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParams("type"), ctx.queryParam("limit"), origin(ctx));
    ctx.json(claims.search(req));
  }

  void post(Context ctx) {
    // Refused before reading when the length is declared: the server-wide body cap is sized for pushed
    // batches, far more than a claim needs.
    if (ctx.contentLength() > MAX_BODY_BYTES) throw tooLarge();
    byte[] raw = ctx.bodyAsBytes();
    if (raw.length > MAX_BODY_BYTES) throw tooLarge();
    JsonNode o;
    try {
      o = Json.mapper().readTree(raw);
    } catch (IOException e) {
      throw new InvalidParameterException("body", "is not JSON: send {\"text\": \"...\"}");
    }
    if (o == null || !o.isObject()) throw new InvalidParameterException("body", "must be a JSON object such as {\"text\": \"...\"}");
    ClaimRequest req = ClaimRequest.parse(text(o, "text"), text(o, "lang"), list(o, "agency"), text(o, "from"),
        text(o, "to"), list(o, "type"), o.has("limit") && o.get("limit").isNumber() ? o.get("limit").asText()
            : text(o, "limit"), origin(ctx));
    ctx.json(claims.search(req));
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) return null;
    if (!v.isTextual()) throw new InvalidParameterException(field, "must be a string");
    return v.asText();
  }

  /** A string or an array of strings. */
  private static List<String> list(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) return List.of();
    if (v.isTextual()) return List.of(v.asText());
    if (!v.isArray()) throw new InvalidParameterException(field, "must be a string or an array of strings");
    List<String> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.isTextual()) throw new InvalidParameterException(field, "must be a string or an array of strings");
      out.add(e.asText());
    }
    return out;
  }

  /** Where readers reach this server, so citations carry absolute permalinks. */
  private String origin(Context ctx) {
    return web.base(ctx);
  }
}
