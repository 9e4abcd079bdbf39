package org.bayan.provenance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.bayan.statement.Release;

/**
 * The canonical serialization of a release's content fields and its SHA-256 content hash.
 *
 * <p>The form is RFC 8785 (JSON Canonicalization Scheme) over a JSON object holding the content fields that
 * are present: {@code agency, body, category, id, language, published_at, source_url, title, type}. Absent
 * (null) fields are left out; signature fields are never part of it, since the signature is made over these
 * bytes. Every value is a string, so JCS reduces to: keys sorted by UTF-16 code units, no whitespace, strings
 * escaped as ECMAScript's JSON.stringify does, UTF-8 output.
 */
public final class CanonicalForm {
  private CanonicalForm() {}

  public static byte[] bytes(Release r) {
    Map<String, String> fields = new TreeMap<>(); // String order is UTF-16 code-unit order, as JCS requires
    put(fields, "agency", r.agency());
    put(fields, "body", r.body());
    put(fields, "category", r.category());
    put(fields, "id", r.id());
    put(fields, "language", r.language());
    put(fields, "published_at", r.publishedAt());
    put(fields, "source_url", r.sourceUrl());
    put(fields, "title", r.title());
    put(fields, "type", r.type());
    StringBuilder out = new StringBuilder(r.body().length() + 256).append('{');
    boolean first = true;
    for (Map.Entry<String, String> e : fields.entrySet()) {
      if (!first) out.append(',');
      first = false;
      appendString(out, e.getKey());
      out.append(':');
      appendString(out, e.getValue());
    }
    return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Lower-case hex SHA-256 of {@link #bytes(Release)}. */
  public static String contentHash(Release r) {
    return HexFormat.of().formatHex(sha256(bytes(r)));
  }

  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null) m.put(k, v);
  }

  private static void appendString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    out.append('"');
  }
}
