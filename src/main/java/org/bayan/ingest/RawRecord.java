package org.bayan.ingest;

/** One record as read from a source, before validation, with where it came from. */
public record RawRecord(String source, long line, byte[] bytes) {
  /**
   * A record Bayan mapped to release JSON itself (a feed item, a page). A lone surrogate the source carried
   * (a page's {@code &#xD800;}) is kept as its JSON escape, so that validation rejects it by name; encoded to
   * UTF-8 as it is, it would silently become '?'.
   */
  public static RawRecord mapped(String source, long line, String json) {
    if (org.bayan.statement.ReleaseLimits.loneSurrogate(json) >= 0) {
      StringBuilder sb = new StringBuilder(json.length() + 16);
      for (int i = 0; i < json.length(); i++) {
        char c = json.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))) {
          sb.append(c).append(json.charAt(++i));
        } else if (Character.isSurrogate(c)) {
          sb.append(String.format("\\u%04x", (int) c));
        } else {
          sb.append(c);
        }
      }
      json = sb.toString();
    }
    return new RawRecord(source, line, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public String location() {
    return source + ":" + line;
  }
}
