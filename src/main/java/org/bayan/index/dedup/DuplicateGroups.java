package org.bayan.index.dedup;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Assigns each indexed statement to a duplicate group, in memory, in the order statements are indexed. A
 * group is named by the exact fingerprint of its first member; later statements join it when their
 * normalized body is identical, or when their SimHash is within {@link Fingerprints#MAX_HAMMING} bits of
 * the group's first member.
 *
 * <p>Near matches are found without comparing against every group: by the pigeonhole principle two 64-bit
 * hashes at distance 3 or less agree exactly on at least one of four 16-bit blocks, so each group's SimHash
 * is filed under its four blocks and only those buckets are checked. Memory is a few dozen bytes a group.
 * Not thread-safe on its own: the index applies releases from one thread at a time.
 */
public final class DuplicateGroups {
  private static final int BLOCKS = 4;
  private final Map<Long, Long> groupOfExact = new HashMap<>();
  private final int[][] heads = new int[BLOCKS][1 << 16];
  private long[] sims = new long[1024];
  private long[] groups = new long[1024];
  private int[][] next = new int[BLOCKS][1024];
  private int size;

  public DuplicateGroups() {
    clear();
  }

  /** The group a body with these fingerprints belongs to, creating one if it is new. */
  public synchronized long assign(Fingerprints.Fingerprint fp) {
    Long g = groupOfExact.get(fp.exact());
    if (g != null) return g;
    int near = fp.nearEligible() ? nearest(fp.simhash()) : -1;
    long group = near >= 0 ? groups[near] : fp.exact();
    remember(fp, group);
    return group;
  }

  /** Restores what an existing index already decided (on opening it). */
  public synchronized void remember(Fingerprints.Fingerprint fp, long group) {
    groupOfExact.putIfAbsent(fp.exact(), group);
    if (fp.nearEligible() && group == fp.exact()) add(fp.simhash(), group);
  }

  public synchronized void clear() {
    groupOfExact.clear();
    for (int[] h : heads) Arrays.fill(h, -1);
    size = 0;
  }

  public synchronized int groupCount() {
    return groupOfExact.size();
  }

  // The entry of a group whose first member's SimHash is within MAX_HAMMING bits, or -1.
  private int nearest(long sim) {
    for (int b = 0; b < BLOCKS; b++) {
      int key = (int) (sim >>> (16 * b)) & 0xffff;
      for (int i = heads[b][key]; i != -1; i = next[b][i]) {
        if (Long.bitCount(sims[i] ^ sim) <= Fingerprints.MAX_HAMMING) return i;
      }
    }
    return -1;
  }

  private void add(long sim, long group) {
    if (size == sims.length) {
      int n = size * 2;
      sims = Arrays.copyOf(sims, n);
      groups = Arrays.copyOf(groups, n);
      for (int b = 0; b < BLOCKS; b++) next[b] = Arrays.copyOf(next[b], n);
    }
    sims[size] = sim;
    groups[size] = group;
    for (int b = 0; b < BLOCKS; b++) {
      int key = (int) (sim >>> (16 * b)) & 0xffff;
      next[b][size] = heads[b][key];
      heads[b][key] = size;
    }
    size++;
  }

  /** The text form of a group name, as indexed. */
  public static String name(long group) {
    return String.format("%016x", group);
  }
}
