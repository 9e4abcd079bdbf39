package org.bayan.http;

import java.util.Locale;

/**
 * The per-client rate limit of the public endpoints.
 *
 * @param perSecond requests a client may make per second on average; 0 turns the limit off
 * @param burst requests a client may make at once after a quiet spell (the token bucket's size)
 * @param clientIpHeader the header a trusted reverse proxy sets to the client's address (e.g.
 *     {@code X-Forwarded-For}; its last entry is the one that proxy added), or null to use the socket's
 *     address. Only set it behind a proxy that always sets the header: otherwise any client picks its own
 *     identity and escapes the limit.
 */
public record LimitSettings(double perSecond, int burst, String clientIpHeader) {
  public static final LimitSettings NONE = new LimitSettings(0, 0, null);

  public LimitSettings {
    if (perSecond < 0 || Double.isNaN(perSecond)) throw new IllegalArgumentException("rate limit must be >= 0 requests/s");
    if (perSecond > 0 && burst < 1) burst = (int) Math.max(1, Math.ceil(perSecond));
    clientIpHeader = clientIpHeader == null || clientIpHeader.isBlank() ? null : clientIpHeader.strip();
    if (clientIpHeader != null && !clientIpHeader.matches("[A-Za-z0-9-]{1,64}")) {
      throw new IllegalArgumentException("client IP header '" + clientIpHeader + "' is not a header name");
    }
  }

  /** Parses {@code N/s} (or a bare number) as given to {@code --rate-limit}; 0 or off: no limit. */
  public static double parseRate(String s) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    if (t.equals("off")) return 0;
    if (t.endsWith("/s")) t = t.substring(0, t.length() - 2);
    try {
      double v = Double.parseDouble(t);
      if (v < 0 || Double.isNaN(v) || Double.isInfinite(v)) throw new NumberFormatException();
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("rate limit '" + s + "' is not N/s (e.g. 20/s; 0 or off for none)");
    }
  }
}
