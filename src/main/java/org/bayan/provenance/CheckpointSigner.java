package org.bayan.provenance;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

/** Signs checkpoints as C2SP signed notes with one named Ed25519 key. */
public final class CheckpointSigner {
  private final String name;
  private final PrivateKey key;
  private final byte[] keyHash;
  private final String verifierKey;

  /** @param name the key name shown in signature lines; by convention the log's origin */
  public CheckpointSigner(String name, PrivateKey key) {
    Keys.checkName(name);
    PublicKey pub = Keys.publicKeyOf(key);
    this.name = name;
    this.key = key;
    this.keyHash = Keys.keyHash(name, pub);
    this.verifierKey = Keys.verifierKey(name, pub);
  }

  /** The signed note: the checkpoint body, a blank line and one signature line. */
  public String sign(Checkpoint checkpoint) {
    String body = checkpoint.body();
    byte[] sig = Signatures.ed25519Sign(key, body.getBytes(StandardCharsets.UTF_8));
    return body + "\n\u2014 " + name + " " + Base64.getEncoder().encodeToString(Keys.concat(keyHash, sig)) + "\n";
  }

  /** The C2SP verifier key that checks this signer's notes, for publishing. */
  public String verifierKey() {
    return verifierKey;
  }
}
