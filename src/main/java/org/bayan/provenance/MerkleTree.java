package org.bayan.provenance;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The Merkle tree hash, inclusion proofs and consistency proofs of RFC 9162 §2.1 (same as RFC 6962) over a
 * growing sequence of leaf hashes.
 *
 * <p>Computing a root from the leaves costs n hashes, far too slow per request for a million-entry log. So the
 * tree keeps the hash of every complete, aligned subtree of 16 or more leaves
 * (an eighth of the leaf hashes' memory); any root or proof then costs O(log² n) hashes at most, smaller
 * subtrees being rehashed from their leaves on demand. Every subtree the RFC's recursion splits off is such a
 * complete aligned subtree, except along the right edge.
 *
 * <p>Thread-safe: the cache grows under a write lock when a query asks for a size it has not covered yet.
 */
public final class MerkleTree {
  /** The leaf hashes a tree is built over; implementations must allow concurrent reads of indices < size(). */
  public interface LeafHashes {
    long size();

    /** The 32-byte leaf hash {@code SHA-256(0x00 || entry)} of entry {@code i}. */
    byte[] leafHash(long i);
  }

  private static final int MIN_CACHED_LEVEL = 4;

  private final LeafHashes leaves;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  /** levels.get(k - MIN_CACHED_LEVEL) holds the hashes of the complete subtrees of 2^k leaves, 32 bytes each. */
  private final List<Level> levels = new ArrayList<>();
  private long covered; // leaves whose complete subtrees are all cached

  public MerkleTree(LeafHashes leaves) {
    this.leaves = leaves;
  }

  /** SHA-256(0x00 || entry): the hash of one log entry as a leaf. */
  public static byte[] leafHash(byte[] entry) {
    MessageDigest d = sha256();
    d.update((byte) 0x00);
    return d.digest(entry);
  }

  /** SHA-256(0x01 || left || right): the hash of an interior node. */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest d = sha256();
    d.update((byte) 0x01);
    d.update(left);
    return d.digest(right);
  }

  /** MTH of the first {@code size} leaves; the empty tree's root is SHA-256 of nothing. */
  public byte[] root(long size) {
    checkSize(size, "size");
    if (size == 0) return sha256().digest();
    return read(size, () -> mth(0, size));
  }

  /**
   * PATH(index, D[size]): the audit path proving leaf {@code index} is in the tree of the first {@code size}
   * leaves, ordered from the leaf's sibling up to the root's child.
   */
  public List<byte[]> inclusionProof(long index, long size) {
    checkSize(size, "size");
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("leaf index " + index + " is not in a tree of size " + size);
    }
    return read(size, () -> {
      List<byte[]> proof = new ArrayList<>();
      path(index, 0, size, proof);
      return proof;
    });
  }

  /**
   * PROOF(m, D[n]): the consistency proof that the tree of the first {@code m} leaves is a prefix of the tree
   * of the first {@code n}. Needs {@code 1 <= m <= n}; for m == n it is empty.
   */
  public List<byte[]> consistencyProof(long m, long n) {
    checkSize(n, "new size");
    if (m < 1 || m > n) {
      throw new IllegalArgumentException("consistency needs 1 <= old size <= new size, got " + m + " and " + n);
    }
    return read(n, () -> {
      List<byte[]> proof = new ArrayList<>();
      if (m < n) subproof(m, 0, n, true, proof);
      return proof;
    });
  }

  private void checkSize(long size, String what) {
    long available = leaves.size();
    if (size < 0 || size > available) {
      throw new IllegalArgumentException(what + " " + size + " is outside 0.." + available);
    }
  }

  private interface Computation<T> {
    T run();
  }

  private <T> T read(long size, Computation<T> c) {
    lock.readLock().lock();
    try {
      if (covered >= size) return c.run();
    } finally {
      lock.readLock().unlock();
    }
    lock.writeLock().lock();
    try {
      extendTo(leaves.size());
      return c.run();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Caches the complete subtrees of the first n leaves, lowest level first so each builds on the one below. */
  private void extendTo(long n) {
    if (n <= covered) return;
    for (int k = MIN_CACHED_LEVEL; (n >> k) > 0; k++) {
      int li = k - MIN_CACHED_LEVEL;
      if (levels.size() == li) levels.add(new Level());
      Level level = levels.get(li);
      for (long j = level.count; j < (n >> k); j++) {
        level.add(
            k == MIN_CACHED_LEVEL
                ? uncachedPerfect(j << k, k)
                : nodeHash(levels.get(li - 1).get(2 * j), levels.get(li - 1).get(2 * j + 1)));
      }
    }
    covered = n;
  }

  /** Hash of the complete subtree of 2^k leaves starting at {@code start} (a multiple of 2^k). */
  private byte[] perfect(long start, int k) {
    if (k >= MIN_CACHED_LEVEL) return levels.get(k - MIN_CACHED_LEVEL).get(start >> k);
    return uncachedPerfect(start, k);
  }

  private byte[] uncachedPerfect(long start, int k) {
    if (k == 0) return leaves.leafHash(start);
    long half = 1L << (k - 1);
    return nodeHash(uncachedPerfect(start, k - 1), uncachedPerfect(start + half, k - 1));
  }

  /** MTH(D[start : start + n]) for n >= 1. */
  private byte[] mth(long start, long n) {
    if (Long.bitCount(n) == 1) return perfect(start, Long.numberOfTrailingZeros(n));
    long k = splitPoint(n);
    return nodeHash(perfect(start, Long.numberOfTrailingZeros(k)), mth(start + k, n - k));
  }

  /** PATH(m, D[start : start + n]), appended leaf-side first as the RFC's recursion emits it. */
  private void path(long m, long start, long n, List<byte[]> out) {
    if (n <= 1) return;
    long k = splitPoint(n);
    if (m < k) {
      path(m, start, k, out);
      out.add(mth(start + k, n - k));
    } else {
      path(m - k, start + k, n - k, out);
      out.add(mth(start, k));
    }
  }

  /** SUBPROOF(m, D[start : start + n], b). */
  private void subproof(long m, long start, long n, boolean b, List<byte[]> out) {
    if (m == n) {
      if (!b) out.add(mth(start, n));
      return;
    }
    long k = splitPoint(n);
    if (m <= k) {
      subproof(m, start, k, b, out);
      out.add(mth(start + k, n - k));
    } else {
      subproof(m - k, start + k, n - k, false, out);
      out.add(mth(start, k));
    }
  }

  /** The largest power of two smaller than n (n >= 2). */
  private static long splitPoint(long n) {
    return Long.highestOneBit(n - 1);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  /** A growable array of 32-byte hashes. */
  private static final class Level {
    private byte[] data = new byte[32 * 64];
    private long count;

    void add(byte[] hash) {
      if ((count + 1) * 32 > data.length) {
        long grown = Math.max(data.length * 2L, (count + 1) * 32);
        if (grown > Integer.MAX_VALUE - 64) throw new IllegalStateException("Merkle level too large");
        data = Arrays.copyOf(data, (int) grown);
      }
      System.arraycopy(hash, 0, data, (int) (count * 32), 32);
      count++;
    }

    byte[] get(long i) {
      int off = (int) (i * 32);
      return Arrays.copyOfRange(data, off, off + 32);
    }
  }
}
