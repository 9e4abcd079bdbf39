package org.bayan.provenance;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
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

  /** The canonical UTF-8 bytes of {@code r}'s content fields; what an agency signs and what is hashed. */
  public static byte[] bytes(Release r) {
    Map<String, String> fields = new HashMap<>();
    put(fields, "agency", r.agency());
    put(fields, "body", r.body());
    put(fields, "category", r.category());
    put(fields, "id", r.id());
    put(fields, "language", r.language());
    put(fields, "published_at", r.publishedAt());
    put(fields, "source_url", r.sourceUrl());
    put(fields, "title", r.title());
    put(fields, "type", r.type());
    return CanonicalJson.write(fields);
  }

  /** Lower-case hex SHA-256 of {@link #bytes(Release)}. */
  public static String contentHash(Release r) {
    return HexFormat.of().formatHex(sha256(bytes(r)));
  }

  /** SHA-256 of {@code data}. */
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
}
