package org.bayan.index.dedup;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Assigns each indexed statement to a duplicate group, in memory, in the order statements are indexed. A
 * group is named by the exact fingerprint of its first member; later statements join it when their
 * normalized body is identical, or when their MinHash signature is similar enough to the first member's
 * ({@link Fingerprints#NEAR_JACCARD}).
 *
 * <p>Near matches are found without comparing against every group: each group's signature is filed under
 * its {@value Fingerprints#BANDS} bands (locality-sensitive hashing), and only groups sharing a band are
 * compared. A pair at Jaccard 0.8 shares a band with probability 0.985; one at 0.3 with 0.06. Memory is
 * about 400 bytes per group founded by a body long enough for near matching (its signature and 8 band
 * entries), and an entry per distinct body. Thread-safe.
 */
public final class DuplicateGroups {
  private final Map<Long, Long> groupOfExact = new HashMap<>();
  private int[] signatures = new int[Fingerprints.HASHES * 1024];
  private long[] groups = new long[1024];
  private int reps;
  // Open-addressing table: band key → first entry; entries chain (rep, next).
  private long[] keys;
  private int[] heads;
  private int[] entryRep = new int[4096];
  private int[] entryNext = new int[4096];
  private int entries;
  private int used;

  public DuplicateGroups() {
    clear();
  }

  /** The group a body with these fingerprints belongs to, creating one if it is new. */
  public synchronized long assign(Fingerprints.Fingerprint fp) {
    Long g = groupOfExact.get(fp.exact());
    if (g != null) return g;
    int near = fp.nearEligible() ? nearest(fp.minhash()) : -1;
    long group = near >= 0 ? groups[near] : fp.exact();
    remember(fp, group);
    return group;
  }

  /** Restores what an existing index already decided (on opening it). */
  public synchronized void remember(Fingerprints.Fingerprint fp, long group) {
    // An exact copy of a body already filed adds nothing to the near table: its signature is the first one's.
    // (Filing every copy had made the table hold a million signatures for 146,000 distinct bodies.)
    boolean first = groupOfExact.putIfAbsent(fp.exact(), group) == null;
    if (first && fp.nearEligible() && group == fp.exact()) add(fp.minhash(), group);
  }

  /** How many signatures the near table holds (one per group founded by a body long enough). */
  synchronized int signatures() {
    return reps;
  }

  public synchronized void clear() {
    groupOfExact.clear();
    keys = new long[1 << 12];
    heads = new int[1 << 12];
    Arrays.fill(heads, -1);
    reps = 0;
    entries = 0;
    used = 0;
  }

  // The group representative most similar above the threshold, or -1.
  private int nearest(int[] sig) {
    int best = -1;
    double bestSim = Fingerprints.NEAR_JACCARD;
    for (int b = 0; b < Fingerprints.BANDS; b++) {
      int slot = find(bandKey(sig, b));
      if (heads[slot] == -1) continue;
      for (int e = heads[slot]; e != -1; e = entryNext[e]) {
        int rep = entryRep[e];
        int same = 0;
        for (int i = 0, o = rep * Fingerprints.HASHES; i < Fingerprints.HASHES; i++) {
          if (signatures[o + i] == sig[i]) same++;
        }
        double sim = (double) same / Fingerprints.HASHES;
        if (sim >= bestSim) {
          bestSim = sim;
          best = rep;
        }
      }
    }
    return best;
  }

  private void add(int[] sig, long group) {
    if ((reps + 1) * Fingerprints.HASHES > signatures.length) {
      signatures = Arrays.copyOf(signatures, signatures.length * 2);
      groups = Arrays.copyOf(groups, groups.length * 2);
    }
    System.arraycopy(sig, 0, signatures, reps * Fingerprints.HASHES, Fingerprints.HASHES);
    groups[reps] = group;
    for (int b = 0; b < Fingerprints.BANDS; b++) {
      if (2 * (used + 1) > keys.length) grow();
      long key = bandKey(sig, b);
      int slot = find(key);
      if (heads[slot] == -1) {
        keys[slot] = key;
        used++;
      }
      if (entries == entryRep.length) {
        entryRep = Arrays.copyOf(entryRep, entries * 2);
        entryNext = Arrays.copyOf(entryNext, entries * 2);
      }
      entryRep[entries] = reps;
      entryNext[entries] = heads[slot];
      heads[slot] = entries++;
    }
    reps++;
  }

  private int find(long key) {
    int mask = keys.length - 1;
    int i = (int) (key ^ (key >>> 29)) & mask;
    while (heads[i] != -1 && keys[i] != key) i = (i + 1) & mask;
    return i;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldHeads = heads;
    keys = new long[oldKeys.length * 2];
    heads = new int[oldKeys.length * 2];
    Arrays.fill(heads, -1);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldHeads[i] == -1) continue;
      int slot = find(oldKeys[i]);
      keys[slot] = oldKeys[i];
      heads[slot] = oldHeads[i];
    }
  }

  private static long bandKey(int[] sig, int band) {
    long h = band * 0x9e3779b97f4a7c15L;
    for (int r = 0; r < Fingerprints.ROWS; r++) {
      h = (h ^ sig[band * Fingerprints.ROWS + r]) * 0xbf58476d1ce4e5b9L;
      h ^= h >>> 31;
    }
    return h;
  }

  /** The text form of a group name, as indexed. */
  public static String name(long group) {
    return String.format("%016x", group);
  }
}
