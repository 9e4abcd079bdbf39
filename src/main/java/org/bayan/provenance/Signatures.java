package org.bayan.provenance;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import org.bayan.statement.Release;

/**
 * Agency signatures on releases: Ed25519 over {@link CanonicalForm#bytes} of the release without its
 * signature fields. In a release, {@code signature} is standard base64 of the 64-byte signature and
 * {@code keyId} the signer's {@link Keys#keyId}.
 */
public final class Signatures {
  private Signatures() {}

  /** The 64-byte signature of {@code release}'s canonical form. */
  public static byte[] sign(PrivateKey key, Release release) {
    return ed25519Sign(key, CanonicalForm.bytes(release.withoutSignature()));
  }

  /** {@code release} with its signature and key id filled in. */
  public static Release signed(Release release, PrivateKey key, String keyId) {
    String sig = Base64.getEncoder().encodeToString(sign(key, release));
    return new Release(release.id(), release.agency(), release.title(), release.body(), release.language(),
        release.publishedAt(), release.sourceUrl(), release.category(), release.type(), sig, keyId);
  }

  /**
   * True when {@code release.signature()} is a valid signature by {@code key} over the release's canonical
   * form; false when it is missing, malformed or wrong. Matching {@code keyId} to a key is the caller's job.
   */
  public static boolean verify(PublicKey key, Release release) {
    if (release.signature() == null) return false;
    byte[] sig;
    try {
      sig = Keys.decodeBase64(release.signature(), "signature");
    } catch (IllegalArgumentException e) {
      return false;
    }
    return verify(key, release, sig);
  }

  /** True when {@code signature} is a valid signature by {@code key} over the release's canonical form. */
  public static boolean verify(PublicKey key, Release release, byte[] signature) {
    return ed25519Verify(key, CanonicalForm.bytes(release.withoutSignature()), signature);
  }

  static byte[] ed25519Sign(PrivateKey key, byte[] message) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key);
      s.update(message);
      return s.sign();
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("not an Ed25519 private key: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  static boolean ed25519Verify(PublicKey key, byte[] message, byte[] signature) {
    if (signature == null || signature.length != 64) return false;
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(message);
      return s.verify(signature);
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      return false; // a malformed signature is simply not a valid one
    }
  }
}
