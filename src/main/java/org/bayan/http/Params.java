package org.bayan.http;

import io.javalin.http.Context;
import org.bayan.search.InvalidParameterException;

/** Whole-number query parameters, with errors that name the parameter. */
final class Params {
  private Params() {}

  /** The parameter as a long, {@code dflt} when absent. */
  static long whole(Context ctx, String name, long dflt) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return dflt;
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(name, "'" + ErrorMapping.sanitize(v) + "' is not a whole number");
    }
  }
}
