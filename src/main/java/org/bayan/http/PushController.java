package org.bayan.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import java.util.List;
import org.bayan.ingest.RawRecord;
import org.bayan.ingest.push.ApiKey;
import org.bayan.ingest.push.ApiKeys;
import org.bayan.ingest.push.PushBatch;
import org.bayan.ingest.push.PushService;

/** {@code POST /api/admin/releases}: an agency pushes releases with its API key. */
final class PushController {
  private final PushService push;
  private final ApiKeys keys;

  PushController(PushService push, ApiKeys keys) {
    this.push = push;
    this.keys = keys;
  }

  void releases(Context ctx) {
    ApiKey key = authenticate(ctx);
    List<RawRecord> records;
    try {
      records = PushBatch.read(ctx.bodyAsBytes(), ctx.contentType(), "push:" + key.name());
    } catch (PushBatch.InvalidBatchException e) {
      throw new HttpResponseException(
          e.unsupportedType() ? HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode() : HttpStatus.BAD_REQUEST.getCode(),
          e.getMessage());
    }
    ctx.json(push.push(records, key));
  }

  private ApiKey authenticate(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new UnauthorizedResponse("send an API key as 'Authorization: Bearer KEY' (create one with bayan api-keys create)");
    }
    return keys.authenticate(auth.substring(7).strip()).orElseThrow(() -> {
      ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      return new UnauthorizedResponse("the API key is unknown or revoked");
    });
  }
}
