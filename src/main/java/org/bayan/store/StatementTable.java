package org.bayan.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.bayan.provenance.CanonicalForm;

/**
 * Where each statement's versions are in the log, in flat arrays. A map of id strings to objects holding
 * lists of {@code long[]} cost about 350 bytes a statement, which was half the live heap of a server holding
 * a million statements; here it is about 100 (the id's bytes, its content hash as 32 bytes, and 16 bytes per
 * stored version). Not thread-safe: {@link ReleaseStore} calls it under its own lock.
 *
 * <p>Statements are numbered in the order they were first stored; versions by their sequence number. A
 * version points back to the previous version of the same statement, so a statement's history is a chain.
 */
final class StatementTable {
  private static final int HASH_BYTES = 32;
  private static final HexFormat HEX = HexFormat.of();

  // Per statement.
  private byte[] idBytes = new byte[1 << 14]; // UTF-8 ids one after another
  private int idBytesUsed;
  private int[] idStart = new int[256]; // a statement's id runs to the next one's start
  private int[] latestSeq = new int[256];
  private byte[] hashes = new byte[256 * HASH_BYTES];
  private int statements;
  // Open addressing over statement numbers + 1 (0 is an empty slot); at most half full.
  private int[] slots = new int[512];

  // Per version, at seq - 1.
  private long[] offsets = new long[256];
  private int[] lengths = new int[256];
  private int[] previous = new int[256]; // the same statement's previous seq, 0 before its first version
  private int versions;

  /** Number of distinct statements. */
  int size() {
    return statements;
  }

  /** Number of stored versions (the highest seq). */
  int versionCount() {
    return versions;
  }

  /** The statement numbered for {@code id}, or -1. */
  int find(String id) {
    return find(id.getBytes(StandardCharsets.UTF_8));
  }

  private int find(byte[] key) {
    int mask = slots.length - 1;
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      int s = slots[i];
      if (s == 0) return -1;
      if (idEquals(s - 1, key)) return s - 1;
    }
  }

  /**
   * Records the next version (seq {@link #versionCount()} + 1) of statement {@code id}, stored at {@code offset}
   * in {@code length} bytes, with this content hash.
   */
  void add(String id, long offset, int length, String contentHash) {
    if (versions == Integer.MAX_VALUE - 8) throw new IllegalStateException("more than 2^31 versions in one store");
    byte[] key = id.getBytes(StandardCharsets.UTF_8);
    int st = find(key);
    if (st < 0) st = addStatement(key);
    if (versions == offsets.length) {
      int n = versions * 2;
      offsets = Arrays.copyOf(offsets, n);
      lengths = Arrays.copyOf(lengths, n);
      previous = Arrays.copyOf(previous, n);
    }
    offsets[versions] = offset;
    lengths[versions] = length;
    previous[versions] = latestSeq[st];
    versions++;
    latestSeq[st] = versions;
    System.arraycopy(hashBytes(contentHash), 0, hashes, st * HASH_BYTES, HASH_BYTES);
  }

  /** Whether the statement's latest version has this content hash. */
  boolean latestHashIs(int statement, String contentHash) {
    int from = statement * HASH_BYTES;
    return Arrays.equals(hashes, from, from + HASH_BYTES, hashBytes(contentHash), 0, HASH_BYTES);
  }

  /** The seq of the statement's latest version. */
  int latest(int statement) {
    return latestSeq[statement];
  }

  /** The seqs of the statement's versions, oldest first (its version n at n - 1). */
  int[] history(int statement) {
    int n = 0;
    for (int s = latestSeq[statement]; s != 0; s = previous[s - 1]) n++;
    int[] seqs = new int[n];
    for (int s = latestSeq[statement]; s != 0; s = previous[s - 1]) seqs[--n] = s;
    return seqs;
  }

  long offset(long seq) {
    return offsets[(int) (seq - 1)];
  }

  int length(long seq) {
    return lengths[(int) (seq - 1)];
  }

  private int addStatement(byte[] key) {
    if (statements == idStart.length) {
      int n = statements * 2;
      idStart = Arrays.copyOf(idStart, n);
      latestSeq = Arrays.copyOf(latestSeq, n);
      hashes = Arrays.copyOf(hashes, n * HASH_BYTES);
    }
    if (idBytesUsed + key.length > idBytes.length) {
      idBytes = Arrays.copyOf(idBytes, Math.max(idBytes.length * 2, idBytesUsed + key.length));
    }
    System.arraycopy(key, 0, idBytes, idBytesUsed, key.length);
    int st = statements++;
    idStart[st] = idBytesUsed;
    idBytesUsed += key.length;
    if (2 * statements > slots.length) {
      slots = new int[slots.length * 2];
      for (int i = 0; i < statements - 1; i++) place(i);
    }
    place(st);
    return st;
  }

  private void place(int statement) {
    int mask = slots.length - 1;
    int i = mix(idBytes, idStart[statement], idEnd(statement)) & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = statement + 1;
  }

  private int idEnd(int statement) {
    return statement + 1 < statements ? idStart[statement + 1] : idBytesUsed;
  }

  private boolean idEquals(int statement, byte[] key) {
    return Arrays.equals(idBytes, idStart[statement], idEnd(statement), key, 0, key.length);
  }

  private static int mix(byte[] key) {
    return mix(key, 0, key.length);
  }

  private static int mix(byte[] b, int from, int to) {
    int h = 1;
    for (int i = from; i < to; i++) h = 31 * h + b[i];
    h *= 0x9E3779B9; // spread ids that differ only in their last characters over the table
    return h ^ (h >>> 16);
  }

  // Content hashes are SHA-256 in hex (CanonicalForm.contentHash); anything else, which only a hand-edited
  // log could hold, is compared by its own digest.
  private static byte[] hashBytes(String contentHash) {
    if (contentHash.length() == 2 * HASH_BYTES) {
      try {
        return HEX.parseHex(contentHash);
      } catch (IllegalArgumentException notHex) {
        // falls through
      }
    }
    return CanonicalForm.sha256(contentHash.getBytes(StandardCharsets.UTF_8));
  }
}
