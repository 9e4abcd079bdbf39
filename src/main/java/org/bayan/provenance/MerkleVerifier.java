package org.bayan.provenance;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Verification of RFC 9162 inclusion (§2.1.3.2) and consistency (§2.1.4.2) proofs, transcribed step by step
 * from the RFC's iterative algorithms.
 *
 * <p>Deliberately shares no code with {@link MerkleTree}, not even its hashing helpers: the tests check one
 * against the other, and a shared mistake would pass both. This is also what a client of the log runs.
 */
public final class MerkleVerifier {
  private MerkleVerifier() {}

  /**
   * True when {@code proof} shows that the leaf with hash {@code leafHash} sits at {@code leafIndex} in the
   * tree of {@code treeSize} leaves whose root is {@code root}.
   */
  public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof,
      byte[] root) {
    // 1. Compare leaf_index from the inclusion_proof input against tree_size ... If leaf_index >= tree_size fail.
    if (leafIndex < 0 || treeSize < 1 || leafIndex >= treeSize) return false;
    if (!isHash(leafHash) || !isHash(root) || proof == null) return false;
    // 2. Set fn to leaf_index and sn to tree_size - 1.
    long fn = leafIndex;
    long sn = treeSize - 1;
    // 3. Set r to hash.
    byte[] r = leafHash;
    // 4. For each value p in the inclusion_path array:
    for (byte[] p : proof) {
      if (!isHash(p)) return false;
      // a. If sn is 0, then stop the iteration and fail the proof verification.
      if (sn == 0) return false;
      // b. If LSB(fn) is set, or if fn is equal to sn, then:
      if ((fn & 1) == 1 || fn == sn) {
        // i. Set r to HASH(0x01 || p || r).
        r = node(p, r);
        // ii. If LSB(fn) is not set, then right-shift both fn and sn equally until either LSB(fn) is set or
        //     fn is 0.
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        // Otherwise: Set r to HASH(0x01 || r || p).
        r = node(r, p);
      }
      // c. Finally, right-shift both fn and sn one time.
      fn >>= 1;
      sn >>= 1;
    }
    // 5. Compare sn to 0. Compare r against the root_hash. If sn is equal to 0 and r and the root_hash are
    //    equal, then the log has proven the inclusion of hash.
    return sn == 0 && MessageDigest.isEqual(r, root);
  }

  /**
   * True when {@code proof} shows that the tree of {@code firstSize} leaves with root {@code firstRoot} is a
   * prefix of the tree of {@code secondSize} leaves with root {@code secondRoot}. For equal sizes the proof
   * must be empty and the roots equal.
   */
  public static boolean verifyConsistency(long firstSize, long secondSize, byte[] firstRoot, byte[] secondRoot,
      List<byte[]> proof) {
    if (!isHash(firstRoot) || !isHash(secondRoot) || proof == null) return false;
    if (firstSize < 1 || secondSize < firstSize) return false;
    if (firstSize == secondSize) return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
    for (byte[] c : proof) {
      if (!isHash(c)) return false;
    }
    // 1. If consistency_path is an empty array, stop and fail the proof verification.
    if (proof.isEmpty()) return false;
    // 2. If first is an exact power of 2, then prepend first_hash to the consistency_path array.
    byte[][] path;
    if (Long.bitCount(firstSize) == 1) {
      path = new byte[proof.size() + 1][];
      path[0] = firstRoot;
      for (int i = 0; i < proof.size(); i++) path[i + 1] = proof.get(i);
    } else {
      path = proof.toArray(new byte[0][]);
    }
    // 3. Set fn to first - 1 and sn to second - 1.
    long fn = firstSize - 1;
    long sn = secondSize - 1;
    // 4. If LSB(fn) is set, then right-shift both fn and sn equally until LSB(fn) is not set.
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    // 5. Set both fr and sr to the first value in the consistency_path array.
    byte[] fr = path[0];
    byte[] sr = path[0];
    // 6. For each subsequent value c in the consistency_path array:
    for (int i = 1; i < path.length; i++) {
      byte[] c = path[i];
      // a. If sn is 0, then stop the iteration and fail the proof verification.
      if (sn == 0) return false;
      // b. If LSB(fn) is set, or if fn is equal to sn, then:
      if ((fn & 1) == 1 || fn == sn) {
        // i. Set fr to HASH(0x01 || c || fr).  ii. Set sr to HASH(0x01 || c || sr).
        fr = node(c, fr);
        sr = node(c, sr);
        // iii. If LSB(fn) is not set, then right-shift both fn and sn equally until either LSB(fn) is set or
        //      fn is 0.
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        // Otherwise: Set sr to HASH(0x01 || sr || c).
        sr = node(sr, c);
      }
      // c. Finally, right-shift both fn and sn one time.
      fn >>= 1;
      sn >>= 1;
    }
    // 7. Verify that fr equals first_hash, sr equals second_hash, and sn is 0.
    return MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot) && sn == 0;
  }

  private static boolean isHash(byte[] h) {
    return h != null && h.length == 32;
  }

  private static byte[] node(byte[] left, byte[] right) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(new byte[] {1});
      d.update(left);
      d.update(right);
      return d.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
