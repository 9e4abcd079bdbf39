package org.bayan.http;

import java.util.List;

/**
 * How the server may be used from other sites.
 *
 * @param corsOrigins origins whose pages may read the public API from scripts ({@code *}: any origin;
 *     credentials are never allowed)
 * @param frameAncestors the CSP frame-ancestors sources of the {@code /embed} page ({@code *}: any site may
 *     frame it); every other page refuses to be framed
 * @param publicUrl where readers reach this server ({@code https://bayan.example}), for the absolute links in
 *     feeds and citations; null: the scheme and Host of each request, which a proxy or a client can change
 */
public record WebSettings(List<String> corsOrigins, String frameAncestors, String publicUrl) {
  public static final WebSettings DEFAULT = new WebSettings(List.of("*"), "*", null);

  public WebSettings(List<String> corsOrigins, String frameAncestors) {
    this(corsOrigins, frameAncestors, null);
  }

  public WebSettings {
    if (publicUrl != null && publicUrl.isBlank()) publicUrl = null;
    if (publicUrl != null) {
      publicUrl = publicUrl.strip().replaceFirst("/+$", "");
      if (!publicUrl.matches("https?://[A-Za-z0-9.\\-]+(:\\d{1,5})?(/[A-Za-z0-9._~\\-/]*)?")) {
        throw new IllegalArgumentException("--public-url '" + publicUrl
            + "' is not an http(s) URL: write scheme://host[:port][/path], e.g. https://bayan.example");
      }
    }
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

  /**
   * The base of absolute links in an answer to {@code ctx}: the configured public URL, else the request's
   * scheme and Host when the Host is a plain host name (null when it is not, so no link is forged from it).
   */
  public String base(io.javalin.http.Context ctx) {
    if (publicUrl != null) return publicUrl;
    String host = ctx.host();
    if (host == null || host.isBlank() || !host.matches("[A-Za-z0-9.\\-:\\[\\]]+")) return null;
    return ctx.scheme() + "://" + host;
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
