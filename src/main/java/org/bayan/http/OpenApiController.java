package org.bayan.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi.json}: the OpenAPI 3 description of every route, kept beside the code as a resource. */
final class OpenApiController {
  static final String RESOURCE = "/openapi.json";
  private final byte[] document;

  OpenApiController() {
    try (InputStream in = OpenApiController.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
      document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
    }
  }

  void document(Context ctx) {
    ctx.contentType("application/json; charset=utf-8").result(document);
  }
}
