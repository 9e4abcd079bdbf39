package org.bayan.search;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * Where a walk through a result set stopped: the sort value of the last hit returned and what breaks ties
 * after it, bound to the query, filters and order it was made for. Opaque to clients (URL-safe base64 with a
 * checksum): a cursor that was altered, truncated or made for another search is refused, naming the
 * parameter.
 *
 * <p>Each engine breaks ties its own way: the embedded one by Lucene document number ({@code doc}), a cluster
 * by statement id ({@code key}), since document numbers are per shard there. A cursor carries one or the
 * other, and an engine refuses the other's.
 *
 * @param sort the order the walk is in, as the request asked for it ({@link SearchRequest#effectiveSort})
 * @param value the last hit's score (as float bits) or publication time
 * @param doc the last hit's Lucene document number, or -1 with a key
 * @param key the last hit's statement id, or null with a document number
 */
public record Cursor(SortOrder sort, long value, int doc, String key) {
  private static final byte AFTER_DOC = 1;
  private static final byte AFTER_KEY = 2;
  private static final int HEAD = 1 + 1 + 8;
  private static final int TAIL = 4 + 8;
  /** Statement ids are at most 128 characters (ingest.ReleaseParser); a longer key is not one of ours. */
  private static final int MAX_KEY_BYTES = 1024;

  /** After a Lucene document. */
  static Cursor afterDoc(SortOrder sort, long value, int doc) {
    return new Cursor(sort, value, doc, null);
  }

  /** After the statement with id {@code key}, for engines that break ties by id. */
  public static Cursor afterKey(SortOrder sort, long value, String key) {
    return new Cursor(sort, value, -1, key);
  }

  public String encode(long fingerprint) {
    byte[] k = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    int length = HEAD + (k == null ? 4 : 2 + k.length) + TAIL;
    ByteBuffer b = ByteBuffer.allocate(length);
    b.put(k == null ? AFTER_DOC : AFTER_KEY).put((byte) sort.ordinal()).putLong(value);
    if (k == null) {
      b.putInt(doc);
    } else {
      b.putShort((short) k.length).put(k);
    }
    b.putInt((int) fingerprint);
    b.putLong(checksum(b.array(), length - 8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  static Cursor decode(String raw, SortOrder expectedSort, long fingerprint) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(raw.strip());
    } catch (IllegalArgumentException e) {
      throw invalid("it is not a cursor returned by this search (not base64url)");
    }
    if (bytes.length < HEAD + 4 + TAIL) throw invalid("it is not a cursor returned by this search (wrong length)");
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      byte kind = b.get();
      int sortOrdinal = b.get();
      long value = b.getLong();
      int doc = -1;
      String key = null;
      if (kind == AFTER_DOC) {
        doc = b.getInt();
      } else if (kind == AFTER_KEY) {
        int n = Short.toUnsignedInt(b.getShort());
        if (n == 0 || n > MAX_KEY_BYTES || n > b.remaining()) throw invalid("it was altered or is not a cursor returned by this search");
        byte[] k = new byte[n];
        b.get(k);
        key = new String(k, StandardCharsets.UTF_8);
      } else {
        throw invalid("it was altered or is not a cursor returned by this search");
      }
      int fp = b.getInt();
      long sum = b.getLong();
      if (b.hasRemaining()) throw invalid("it is not a cursor returned by this search (wrong length)");
      if (sum != checksum(bytes, bytes.length - 8)) {
        throw invalid("it was altered or is not a cursor returned by this search");
      }
      if (sortOrdinal < 0 || sortOrdinal >= SortOrder.values().length || (kind == AFTER_DOC && doc < 0)) {
        throw invalid("it was altered or is not a cursor returned by this search");
      }
      SortOrder sort = SortOrder.values()[sortOrdinal];
      if (sort != expectedSort || fp != (int) fingerprint) {
        throw invalid("it was made for a different query, filters or sort; start again without it");
      }
      return new Cursor(sort, value, doc, key);
    } catch (BufferUnderflowException e) {
      throw invalid("it is truncated");
    }
  }

  /**
   * The refusal of a cursor another engine made (a server moved between engines mid-walk): its tie-breaker
   * means nothing here.
   */
  public static InvalidParameterException fromAnotherEngine() {
    return invalid("it was made by a server searching another engine; start again without it");
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
