package org.bayan.search;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * Where a walk through a result set stopped: the sort value and document of the last hit returned, bound to
 * the query, filters and order it was made for. Opaque to clients (URL-safe base64 with a checksum): a
 * cursor that was altered, truncated or made for another search is refused, naming the parameter.
 *
 * @param value the last hit's score (as float bits) or publication time
 * @param doc the last hit's Lucene document number
 */
record Cursor(SortOrder sort, long value, int doc) {
  private static final byte VERSION = 1;
  private static final int BYTES = 1 + 1 + 8 + 4 + 4 + 8;

  String encode(long fingerprint) {
    ByteBuffer b = ByteBuffer.allocate(BYTES);
    b.put(VERSION).put((byte) sort.ordinal()).putLong(value).putInt(doc).putInt((int) fingerprint);
    b.putLong(checksum(b.array(), BYTES - 8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  static Cursor decode(String raw, SortOrder expectedSort, long fingerprint) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(raw.strip());
    } catch (IllegalArgumentException e) {
      throw invalid("it is not a cursor returned by this search (not base64url)");
    }
    if (bytes.length != BYTES) throw invalid("it is not a cursor returned by this search (wrong length)");
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      byte version = b.get();
      int sortOrdinal = b.get();
      long value = b.getLong();
      int doc = b.getInt();
      int fp = b.getInt();
      long sum = b.getLong();
      if (version != VERSION || sum != checksum(bytes, BYTES - 8)) {
        throw invalid("it was altered or is not a cursor returned by this search");
      }
      if (sortOrdinal < 0 || sortOrdinal >= SortOrder.values().length || doc < 0) {
        throw invalid("it was altered or is not a cursor returned by this search");
      }
      SortOrder sort = SortOrder.values()[sortOrdinal];
      if (sort != expectedSort || fp != (int) fingerprint) {
        throw invalid("it was made for a different query, filters or sort; start again without it");
      }
      return new Cursor(sort, value, doc);
    } catch (BufferUnderflowException e) {
      throw invalid("it is truncated");
    }
  }

  /** A hash of what a cursor is bound to. */
  static long fingerprint(String... parts) {
    CRC32 crc = new CRC32();
    for (String p : parts) {
      crc.update((p == null ? "\u0000" : p).getBytes(StandardCharsets.UTF_8));
      crc.update(0x1F);
    }
    return crc.getValue();
  }

  private static long checksum(byte[] bytes, int len) {
    // Not a secret: the checksum catches garbled and hand-edited cursors; a forged one can only page the
    // same public results differently.
    CRC32 a = new CRC32();
    a.update(bytes, 0, len);
    CRC32 c = new CRC32();
    c.update(0x5A);
    c.update(bytes, 0, len);
    return (a.getValue() << 32) | c.getValue();
  }

  private static InvalidParameterException invalid(String why) {
    return new InvalidParameterException("cursor", why);
  }
}
