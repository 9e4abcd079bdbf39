package org.bayan.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.bayan.ingest.push.ApiKey;
import org.bayan.ingest.push.PushBatch;
import org.bayan.ingest.push.PushResult;
import org.bayan.ingest.push.PushService;

/** {@code POST /api/admin/releases}: an agency pushes releases with an ingest API key ({@link Access}). */
final class PushController {
  private final PushService push;
  private final ServerMetrics metrics;

  PushController(PushService push, ServerMetrics metrics) {
    this.push = push;
    this.metrics = metrics;
  }

  void releases(Context ctx) {
    ApiKey key = Access.key(ctx);
    PushBatch.Batch records;
    try {
      records = PushBatch.read(ctx.bodyAsBytes(), ctx.contentType(), "push:" + key.name());
    } catch (PushBatch.InvalidBatchException e) {
      throw new HttpResponseException(
          e.unsupportedType() ? HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode() : HttpStatus.BAD_REQUEST.getCode(),
          e.getMessage());
    }
    PushResult result = push.push(records, key);
    metrics.pushed(result);
    ctx.json(result);
  }
}
