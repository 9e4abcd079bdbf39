package org.bayan.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Bayan's stable link to a statement, {@code ORIGIN/s/ID}: what citations, feeds and the command line print. */
public final class Permalinks {
  private Permalinks() {}

  /**
   * @param origin scheme, host and port readers reach Bayan at ({@code https://bayan.example}); a trailing
   *     slash is dropped; null or empty gives a link relative to the server
   */
  public static String of(String origin, String id) {
    String base = origin == null ? "" : origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    // The id's characters are letters, digits and . _ : - ; URLEncoder leaves those but ':' as they are.
    return base + "/s/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
