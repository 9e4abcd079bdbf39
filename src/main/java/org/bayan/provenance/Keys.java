package org.bayan.provenance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys and their text forms.
 *
 * <p>Keys travel as standard base64 (with padding) of the raw 32-byte RFC 8032 encoding: the public key point,
 * or the private key seed. That is the form C2SP verifier keys embed, and it avoids ASN.1 in config files.
 * A key is named (an agency slug, or the log's origin); its id is the C2SP signed-note key hash, the first 4
 * bytes of {@code SHA-256(name || 0x0A || 0x01 || public key)}, written as 8 lower-case hex digits.
 */
public final class Keys {
  /** The signed-note signature type of Ed25519. */
  static final byte ED25519 = 0x01;
  // DER prefixes of the X.509 and PKCS#8 encodings of an Ed25519 key (RFC 8410); the raw key follows.
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
  private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

  private Keys() {}

  /** A new random Ed25519 key pair. */
  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks Ed25519", e);
    }
  }

  /** The raw 32-byte public key. */
  public static byte[] rawPublicKey(PublicKey key) {
    byte[] der = key.getEncoded();
    if (!"Ed25519".equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())
        || der.length != X509_PREFIX.length + 32
        || !Arrays.equals(der, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
      throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
    }
    return Arrays.copyOfRange(der, X509_PREFIX.length, der.length);
  }

  /** The public key with raw encoding {@code raw} (32 bytes). */
  public static PublicKey publicKey(byte[] raw) {
    if (raw.length != 32) throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, got " + raw.length);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a valid Ed25519 public key: " + e.getMessage(), e);
    }
  }

  /** The raw 32-byte private key seed. */
  public static byte[] rawPrivateKey(PrivateKey key) {
    if (key instanceof EdECPrivateKey ed) {
      return ed.getBytes().orElseThrow(() -> new IllegalArgumentException("the private key's bytes are hidden"));
    }
    throw new IllegalArgumentException("not an Ed25519 private key: " + key.getAlgorithm());
  }

  /** The private key with seed {@code seed} (32 bytes). */
  public static PrivateKey privateKey(byte[] seed) {
    if (seed.length != 32) throw new IllegalArgumentException("an Ed25519 private key is 32 bytes, got " + seed.length);
    try {
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a valid Ed25519 private key: " + e.getMessage(), e);
    }
  }

  /** The public half of a private key, so a signer needs only its private key configured. */
  public static PublicKey publicKeyOf(PrivateKey key) {
    byte[] seed = rawPrivateKey(key);
    // The JDK derives the public key only while generating; feeding it the seed as its "randomness" makes
    // generation deterministic (it draws exactly the 32 seed bytes).
    SecureRandom fixed = new SecureRandom() {
      @Override
      public void nextBytes(byte[] bytes) {
        System.arraycopy(seed, 0, bytes, 0, Math.min(bytes.length, seed.length));
      }
    };
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
      g.initialize(NamedParameterSpec.ED25519, fixed);
      PublicKey pub = g.generateKeyPair().getPublic();
      return pub;
    } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
      throw new IllegalStateException("the JDK lacks Ed25519", e);
    }
  }

  /** Base64 of the raw public key. */
  public static String encodePublicKey(PublicKey key) {
    return Base64.getEncoder().encodeToString(rawPublicKey(key));
  }

  /** Inverse of {@link #encodePublicKey}. */
  public static PublicKey decodePublicKey(String base64) {
    return publicKey(decodeBase64(base64, "public key"));
  }

  /** Base64 of the raw private key seed. Keep it secret. */
  public static String encodePrivateKey(PrivateKey key) {
    return Base64.getEncoder().encodeToString(rawPrivateKey(key));
  }

  /** Inverse of {@link #encodePrivateKey}. */
  public static PrivateKey decodePrivateKey(String base64) {
    return privateKey(decodeBase64(base64, "private key"));
  }

  /** The 4-byte signed-note key hash of the Ed25519 key {@code key} named {@code name}. */
  public static byte[] keyHash(String name, PublicKey key) {
    checkName(name);
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    byte[] h = CanonicalForm.sha256(concat(concat(n, new byte[] {'\n', ED25519}), rawPublicKey(key)));
    return Arrays.copyOf(h, 4);
  }

  /** The key id: {@link #keyHash} as 8 lower-case hex digits. */
  public static String keyId(String name, PublicKey key) {
    return HexFormat.of().formatHex(keyHash(name, key));
  }

  /** The C2SP verifier key {@code <name>+<key id>+<base64(0x01 || public key)>}. */
  public static String verifierKey(String name, PublicKey key) {
    return name + "+" + keyId(name, key) + "+"
        + Base64.getEncoder().encodeToString(concat(new byte[] {ED25519}, rawPublicKey(key)));
  }

  /** Key names are non-empty UTF-8 without whitespace or '+', as signed notes require. */
  static void checkName(String name) {
    if (name == null || name.isEmpty()) throw new IllegalArgumentException("key name is empty");
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      if (c == '+' || Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        throw new IllegalArgumentException("key name '" + name + "' contains '+', a space or a control character"
            + " at index " + i);
      }
      i += Character.charCount(c);
    }
  }

  /**
   * Standard base64 with padding, accepting only the one canonical spelling of each byte string: unused low
   * bits in the last character are otherwise ignored, so a changed character could still decode to the same
   * bytes and a tampered note would verify.
   */
  static byte[] decodeBase64(String s, String what) {
    byte[] b;
    try {
      b = Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is not valid base64: " + e.getMessage(), e);
    }
    if (!Base64.getEncoder().encodeToString(b).equals(s)) {
      throw new IllegalArgumentException(what + " is not canonical base64");
    }
    return b;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
