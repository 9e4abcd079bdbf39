package org.bayan.cli;

import java.net.URI;
import picocli.CommandLine.Option;

/**
 * Where readers reach the Bayan server, for the absolute permalinks commands print: a link pasted from a
 * terminal must work in a reader's browser, so a relative {@code /s/id} is never printed.
 */
final class PublicUrlOptions {
  static final String DEFAULT = "http://localhost:7070";

  @Option(names = "--public-url", paramLabel = "URL",
      description = "Base of the permalinks printed (https://bayan.example), as the server's --public-url. "
          + "Default: $BAYAN_PUBLIC_URL, else " + DEFAULT + " (the server bin/bayan serve starts).")
  String publicUrl;

  String origin() {
    String v = publicUrl != null ? publicUrl : System.getenv("BAYAN_PUBLIC_URL");
    if (v == null || v.isBlank()) return DEFAULT;
    URI u;
    try {
      u = URI.create(v.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--public-url '" + v + "' is not a URL: " + e.getMessage());
    }
    if (u.getScheme() == null || !u.getScheme().matches("https?") || u.getHost() == null) {
      throw new IllegalArgumentException("--public-url '" + v + "' must be an absolute http(s) URL such as "
          + "https://bayan.example");
    }
    String s = u.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
