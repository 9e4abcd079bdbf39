package org.bayan.provenance;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A log checkpoint (C2SP tlog-checkpoint): the log's origin, a tree size and the root hash of that tree.
 *
 * @param origin the log's unique name, conventionally a schema-less URL such as {@code bayan.example/log}
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {
  public Checkpoint {
    if (origin == null || origin.isEmpty()) throw new IllegalArgumentException("checkpoint origin is empty");
    if (origin.indexOf('\n') >= 0) throw new IllegalArgumentException("checkpoint origin contains a newline");
    if (size < 0) throw new IllegalArgumentException("checkpoint size " + size + " is negative");
    if (rootHash == null || rootHash.length != 32) {
      throw new IllegalArgumentException("checkpoint root hash must be 32 bytes");
    }
    rootHash = rootHash.clone();
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  /** The note body that gets signed: origin, size and base64 root hash, each ending in a newline. */
  public String body() {
    return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Checkpoint c && c.origin.equals(origin) && c.size == size
        && Arrays.equals(c.rootHash, rootHash);
  }

  @Override
  public int hashCode() {
    return (origin.hashCode() * 31 + Long.hashCode(size)) * 31 + Arrays.hashCode(rootHash);
  }

  @Override
  public String toString() {
    return "Checkpoint[" + origin + ", size " + size + ", root " + HexFormat.of().formatHex(rootHash) + "]";
  }
}
