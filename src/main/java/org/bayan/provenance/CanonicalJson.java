package org.bayan.provenance;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * RFC 8785 (JCS) output for flat JSON objects whose values are strings or integers, shared by the release
 * canonical form and the log entries so that both hash the same way.
 */
final class CanonicalJson {
  private CanonicalJson() {}

  /**
   * Canonical UTF-8 bytes of a flat object. Null values are left out. Integers must stay within ±2^53 so that
   * every JSON reader gets the same number back, which is what JCS's number rule guarantees.
   */
  static byte[] write(Map<String, ?> fields) {
    Map<String, Object> sorted = new TreeMap<>(); // String order is UTF-16 code-unit order, as JCS requires
    fields.forEach((k, v) -> {
      if (v != null) sorted.put(k, v);
    });
    StringBuilder out = new StringBuilder(256).append('{');
    boolean first = true;
    for (Map.Entry<String, Object> e : sorted.entrySet()) {
      if (!first) out.append(',');
      first = false;
      appendString(out, e.getKey());
      out.append(':');
      Object v = e.getValue();
      if (v instanceof String s) {
        appendString(out, s);
      } else if (v instanceof Long || v instanceof Integer) {
        long n = ((Number) v).longValue();
        if (Math.abs(n) > (1L << 53)) {
          throw new IllegalArgumentException("field '" + e.getKey() + "': " + n + " is outside ±2^53");
        }
        out.append(n);
      } else {
        throw new IllegalArgumentException(
            "field '" + e.getKey() + "': only strings and integers are supported, got " + v.getClass().getName());
      }
    }
    return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Appends {@code s} as a JSON string escaped exactly as ECMAScript's JSON.stringify does (JCS §3.2.2.2). */
  static void appendString(StringBuilder out, String s) {
    out.append('"');
    int plain = 0; // start of the run of characters copied as they are, appended in one go
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out.append(s, plain, i);
      plain = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(String.format("\\u%04x", (int) c));
      }
    }
    out.append(s, plain, s.length());
    out.append('"');
  }
}
