package org.bayan.provenance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {
  private static final HexFormat HEX = HexFormat.of();

  /** Leaf hashes in a plain list, as a log would serve them. */
  static final class ListLeaves implements MerkleTree.LeafHashes {
    final List<byte[]> hashes = new ArrayList<>();

    @Override
    public synchronized long size() {
      return hashes.size();
    }

    @Override
    public synchronized byte[] leafHash(long i) {
      return hashes.get((int) i).clone();
    }

    synchronized void add(byte[] h) {
      hashes.add(h);
    }
  }

  static ListLeaves leaves(int n) {
    ListLeaves l = new ListLeaves();
    for (int i = 0; i < n; i++) l.add(MerkleTree.leafHash(ByteBuffer.allocate(4).putInt(i).array()));
    return l;
  }

  /** The RFC's recursive definition, written naively as a third opinion on roots. */
  static byte[] naiveRoot(List<byte[]> d) {
    if (d.isEmpty()) return CanonicalForm.sha256(new byte[0]);
    if (d.size() == 1) return d.get(0);
    int k = Integer.highestOneBit(d.size() - 1);
    return MerkleTree.nodeHash(naiveRoot(d.subList(0, k)), naiveRoot(d.subList(k, d.size())));
  }

  static List<byte[]> hexList(JsonNode arr) {
    List<byte[]> out = new ArrayList<>();
    arr.forEach(n -> out.add(HEX.parseHex(n.asText())));
    return out;
  }

  static void assertSameHashes(List<byte[]> expected, List<byte[]> actual, String what) {
    assertEquals(expected.size(), actual.size(), what + ": length");
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), what + ": element " + i);
    }
  }

  @Test
  void matches_the_rfc6962_reference_vectors() throws IOException {
    JsonNode v = new ObjectMapper().readTree(TestFiles.shared().resolve("testvectors/rfc6962.json").toFile());
    ListLeaves l = new ListLeaves();
    for (int i = 0; i < v.get("entries_hex").size(); i++) {
      byte[] leaf = MerkleTree.leafHash(HEX.parseHex(v.get("entries_hex").get(i).asText()));
      assertArrayEquals(HEX.parseHex(v.get("leaf_hashes_hex").get(i).asText()), leaf, "leaf hash " + i);
      l.add(leaf);
    }
    MerkleTree tree = new MerkleTree(l);
    JsonNode roots = v.get("roots_by_size_hex");
    for (int n = 0; n < roots.size(); n++) {
      assertArrayEquals(HEX.parseHex(roots.get(n).asText()), tree.root(n), "root of size " + n);
    }
    assertTrue(v.get("inclusion").size() > 0);
    for (JsonNode t : v.get("inclusion")) {
      long m = t.get("leaf_index").asLong();
      long n = t.get("tree_size").asLong();
      List<byte[]> expected = hexList(t.get("audit_path_hex"));
      assertSameHashes(expected, tree.inclusionProof(m, n), "inclusion " + m + " in " + n);
      assertTrue(MerkleVerifier.verifyInclusion(m, n, l.leafHash(m), expected, tree.root(n)), m + " in " + n);
    }
    assertTrue(v.get("consistency").size() > 0);
    for (JsonNode t : v.get("consistency")) {
      long m = t.get("old_size").asLong();
      long n = t.get("new_size").asLong();
      List<byte[]> expected = hexList(t.get("proof_hex"));
      assertSameHashes(expected, tree.consistencyProof(m, n), "consistency " + m + " to " + n);
      assertTrue(MerkleVerifier.verifyConsistency(m, n, tree.root(m), tree.root(n), expected), m + " to " + n);
    }
  }

  @Test
  void every_size_up_to_1000_gives_proofs_the_independent_verifier_accepts() {
    int max = 1000;
    ListLeaves l = leaves(max);
    MerkleTree tree = new MerkleTree(l);
    byte[][] roots = new byte[max + 1][];
    for (int n = 0; n <= max; n++) {
      roots[n] = tree.root(n);
      assertArrayEquals(naiveRoot(l.hashes.subList(0, n)), roots[n], "root of size " + n);
    }
    Random rnd = new Random(6962);
    for (int n = 1; n <= max; n++) {
      for (long m : sample(n, rnd)) {
        List<byte[]> proof = tree.inclusionProof(m, n);
        assertTrue(MerkleVerifier.verifyInclusion(m, n, l.leafHash(m), proof, roots[n]), "leaf " + m + " of " + n);
        if (m + 1 < n) {
          assertFalse(MerkleVerifier.verifyInclusion(m + 1, n, l.leafHash(m), proof, roots[n]), "wrong index");
        }
      }
      for (long m : sample(n, rnd)) {
        long first = m + 1;
        List<byte[]> proof = tree.consistencyProof(first, n);
        assertTrue(MerkleVerifier.verifyConsistency(first, n, roots[(int) first], roots[n], proof),
            "consistency " + first + " to " + n);
        if (first < n) {
          assertFalse(MerkleVerifier.verifyConsistency(first, n, roots[(int) first],
              roots[n - 1], proof), "wrong new root " + first + " to " + n);
        }
      }
    }
  }

  /** Every index for small trees; for larger ones the edges, the powers of two around them and a few more. */
  private static TreeSet<Long> sample(int n, Random rnd) {
    TreeSet<Long> s = new TreeSet<>();
    if (n <= 64) {
      for (long i = 0; i < n; i++) s.add(i);
      return s;
    }
    s.add(0L);
    s.add(n - 1L);
    s.add(n - 2L);
    for (long p = 1; p < n; p <<= 1) {
      s.add(p - 1);
      s.add(p);
    }
    for (int i = 0; i < 6; i++) s.add((long) rnd.nextInt(n));
    return s;
  }

  @Test
  void flipping_any_byte_of_a_proof_or_root_fails_verification() {
    ListLeaves l = leaves(77);
    MerkleTree tree = new MerkleTree(l);
    long[][] cases = {{0, 77}, {5, 77}, {64, 77}, {76, 77}, {13, 16}};
    for (long[] c : cases) {
      long m = c[0];
      long n = c[1];
      List<byte[]> proof = tree.inclusionProof(m, n);
      byte[] root = tree.root(n);
      byte[] leaf = l.leafHash(m);
      for (int e = 0; e < proof.size(); e++) {
        for (int b = 0; b < 32; b++) {
          List<byte[]> bad = copy(proof);
          bad.get(e)[b] ^= 0x01;
          assertFalse(MerkleVerifier.verifyInclusion(m, n, leaf, bad, root), "proof element " + e + " byte " + b);
        }
      }
      for (int b = 0; b < 32; b++) {
        assertFalse(MerkleVerifier.verifyInclusion(m, n, leaf, proof, flip(root, b)), "root byte " + b);
        assertFalse(MerkleVerifier.verifyInclusion(m, n, flip(leaf, b), proof, root), "leaf byte " + b);
      }
      List<byte[]> longer = copy(proof);
      longer.add(root);
      assertFalse(MerkleVerifier.verifyInclusion(m, n, leaf, longer, root), "extra element");
      if (!proof.isEmpty()) {
        assertFalse(MerkleVerifier.verifyInclusion(m, n, leaf, proof.subList(0, proof.size() - 1), root), "short");
      }
    }
    long[][] pairs = {{1, 77}, {7, 77}, {16, 77}, {64, 77}, {76, 77}, {3, 8}};
    for (long[] c : pairs) {
      long m = c[0];
      long n = c[1];
      List<byte[]> proof = tree.consistencyProof(m, n);
      byte[] r1 = tree.root(m);
      byte[] r2 = tree.root(n);
      assertTrue(MerkleVerifier.verifyConsistency(m, n, r1, r2, proof));
      for (int e = 0; e < proof.size(); e++) {
        for (int b = 0; b < 32; b++) {
          List<byte[]> bad = copy(proof);
          bad.get(e)[b] ^= 0x01;
          assertFalse(MerkleVerifier.verifyConsistency(m, n, r1, r2, bad), m + "->" + n + " element " + e + " byte " + b);
        }
      }
      for (int b = 0; b < 32; b++) {
        assertFalse(MerkleVerifier.verifyConsistency(m, n, flip(r1, b), r2, proof), "old root byte " + b);
        assertFalse(MerkleVerifier.verifyConsistency(m, n, r1, flip(r2, b), proof), "new root byte " + b);
      }
      assertFalse(MerkleVerifier.verifyConsistency(m, n, r1, r2, List.of()), "empty proof");
    }
    assertTrue(MerkleVerifier.verifyConsistency(5, 5, tree.root(5), tree.root(5), List.of()));
    assertFalse(MerkleVerifier.verifyConsistency(5, 5, tree.root(5), tree.root(6), List.of()));
  }

  @Test
  void the_tree_follows_leaves_appended_after_it_was_built() {
    ListLeaves l = leaves(0);
    MerkleTree tree = new MerkleTree(l);
    List<byte[]> roots = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      l.add(MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i >> 8)}));
      roots.add(tree.root(i + 1));
      assertArrayEquals(naiveRoot(l.hashes), roots.get(i), "root after " + (i + 1));
    }
    for (int m = 1; m < 300; m += 37) {
      assertTrue(MerkleVerifier.verifyConsistency(m, 300, roots.get(m - 1), roots.get(299), tree.consistencyProof(m, 300)));
    }
  }

  @Test
  void rejects_sizes_and_indices_outside_the_tree_by_name() {
    MerkleTree tree = new MerkleTree(leaves(10));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> tree.root(11)).getMessage().contains("size 11"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> tree.inclusionProof(10, 10)).getMessage()
        .contains("leaf index 10"));
    assertThrows(IllegalArgumentException.class, () -> tree.consistencyProof(0, 5));
    assertThrows(IllegalArgumentException.class, () -> tree.consistencyProof(6, 5));
    assertTrue(tree.consistencyProof(10, 10).isEmpty());
  }

  @Test
  void a_million_leaves_answer_roots_and_proofs_quickly() {
    int n = 1_000_000;
    ListLeaves l = new ListLeaves();
    byte[] e = new byte[4];
    for (int i = 0; i < n; i++) {
      e[0] = (byte) i;
      e[1] = (byte) (i >> 8);
      e[2] = (byte) (i >> 16);
      l.add(MerkleTree.leafHash(e));
    }
    MerkleTree tree = new MerkleTree(l);
    byte[] root = tree.root(n); // builds the cache once
    long start = System.nanoTime();
    Random rnd = new Random(1);
    for (int i = 0; i < 1000; i++) {
      long size = n - rnd.nextInt(1000);
      long m = rnd.nextInt((int) size);
      byte[] r = tree.root(size);
      assertTrue(MerkleVerifier.verifyInclusion(m, size, l.leafHash(m), tree.inclusionProof(m, size), r));
      long old = 1 + rnd.nextInt((int) size);
      assertTrue(MerkleVerifier.verifyConsistency(old, size, tree.root(old), r, tree.consistencyProof(old, size)));
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 5000, "1000 rounds of root + proofs over 1M leaves took " + millis + " ms");
    assertArrayEquals(root, tree.root(n));
  }

  private static List<byte[]> copy(List<byte[]> proof) {
    List<byte[]> out = new ArrayList<>();
    for (byte[] p : proof) out.add(p.clone());
    return out;
  }

  private static byte[] flip(byte[] h, int b) {
    byte[] c = Arrays.copyOf(h, h.length);
    c[b] ^= 0x01;
    return c;
  }
}
