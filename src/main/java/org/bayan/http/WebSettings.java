package org.bayan.http;

import java.util.List;

/**
 * How the server may be used from other sites.
 *
 * @param corsOrigins origins whose pages may read the public API from scripts ({@code *}: any origin;
 *     credentials are never allowed)
 * @param frameAncestors the CSP frame-ancestors sources of the {@code /embed} page ({@code *}: any site may
 *     frame it); every other page refuses to be framed
 */
public record WebSettings(List<String> corsOrigins, String frameAncestors) {
  public static final WebSettings DEFAULT = new WebSettings(List.of("*"), "*");

  public WebSettings {
    corsOrigins = corsOrigins == null || corsOrigins.isEmpty() ? List.of("*")
        : corsOrigins.stream().map(String::strip).filter(s -> !s.isEmpty()).map(WebSettings::origin).toList();
    frameAncestors = frameAncestors == null || frameAncestors.isBlank() ? "*" : frameAncestors.strip();
    if (!frameAncestors.matches("[\\w\\s.:/*'\\-]+")) {
      throw new IllegalArgumentException("frame-ancestors '" + frameAncestors
          + "' is not a list of CSP sources (e.g. * or 'self' https://news.example)");
    }
  }

  /** Parses a comma-separated origin list as given on the command line. */
  public static List<String> origins(String commaSeparated) {
    return commaSeparated == null ? List.of("*") : List.of(commaSeparated.split(","));
  }

  boolean anyOrigin() {
    return corsOrigins.contains("*");
  }

  private static String origin(String o) {
    if (o.equals("*")) return o;
    if (!o.matches("https?://[A-Za-z0-9.\\-]+(:\\d{1,5})?")) {
      throw new IllegalArgumentException("CORS origin '" + o
          + "' is not an origin: write scheme://host[:port], e.g. https://news.example, without a path");
    }
    return o;
  }
}
