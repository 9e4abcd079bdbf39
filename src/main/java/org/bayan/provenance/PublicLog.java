package org.bayan.provenance;

import java.security.PrivateKey;

/**
 * The transparency log as the public sees it: the log with its origin and the key that signs its
 * checkpoints. Checkpoints are signed on demand; Ed25519 is deterministic, so a size always gets the same note.
 */
public final class PublicLog {
  private final TransparencyLog log;
  private final String origin;
  private final CheckpointSigner signer;

  public PublicLog(TransparencyLog log, String origin, PrivateKey checkpointKey) {
    this.log = log;
    this.origin = origin;
    this.signer = new CheckpointSigner(origin, checkpointKey);
  }

  public TransparencyLog log() {
    return log;
  }

  public String origin() {
    return origin;
  }

  /** The C2SP verifier key that checks this log's checkpoints. */
  public String verifierKey() {
    return signer.verifierKey();
  }

  /** The checkpoint of the first {@code size} entries. */
  public Checkpoint checkpoint(long size) {
    return new Checkpoint(origin, size, log.root(size));
  }

  /** The signed note of {@link #checkpoint(long)}. */
  public String signedCheckpoint(long size) {
    return signer.sign(checkpoint(size));
  }
}
