package org.bayan.provenance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.util.Arrays;
import org.bayan.statement.Release;
import org.junit.jupiter.api.Test;

class SignaturesTest {
  static Release release() {
    return new Release("moh-2024-001", "moh", "بيان", "نص البيان \"مقتبس\"\n", "ar", "2024-05-01T10:00:00+03:00",
        "https://moh.example/1", "health", "statement", null, null);
  }

  @Test
  void raw_key_encodings_round_trip_and_the_public_key_derives_from_the_private() {
    KeyPair kp = Keys.generate();
    assertEquals(32, Keys.rawPublicKey(kp.getPublic()).length);
    assertArrayEquals(Keys.rawPublicKey(kp.getPublic()),
        Keys.rawPublicKey(Keys.decodePublicKey(Keys.encodePublicKey(kp.getPublic()))));
    assertArrayEquals(Keys.rawPrivateKey(kp.getPrivate()),
        Keys.rawPrivateKey(Keys.decodePrivateKey(Keys.encodePrivateKey(kp.getPrivate()))));
    assertArrayEquals(Keys.rawPublicKey(kp.getPublic()), Keys.rawPublicKey(Keys.publicKeyOf(kp.getPrivate())));
    assertTrue(Keys.keyId("moh", kp.getPublic()).matches("[0-9a-f]{8}"));
    assertThrows(IllegalArgumentException.class, () -> Keys.decodePublicKey("AAAA"));
    assertThrows(IllegalArgumentException.class, () -> Keys.keyId("bad name", kp.getPublic()));
  }

  @Test
  void the_go_sumdb_note_key_gives_its_published_verifier_key() {
    // golang.org/x/mod/sumdb/note test key: PRIVATE+KEY+PeterNeumann+c74f20a3+<base64(0x01 || seed)>
    byte[] typed = Keys.decodeBase64("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz", "skey");
    var priv = Keys.privateKey(Arrays.copyOfRange(typed, 1, 33));
    assertEquals("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        new CheckpointSigner("PeterNeumann", priv).verifierKey());
  }

  @Test
  void a_signed_release_verifies_and_any_content_change_breaks_it() {
    KeyPair kp = Keys.generate();
    Release signed = Signatures.signed(release(), kp.getPrivate(), Keys.keyId("moh", kp.getPublic()));
    assertTrue(Signatures.verify(kp.getPublic(), signed));
    assertEquals(signed.withoutSignature(), release());
    Release edited = new Release(signed.id(), signed.agency(), signed.title(), signed.body() + ".",
        signed.language(), signed.publishedAt(), signed.sourceUrl(), signed.category(), signed.type(),
        signed.signature(), signed.keyId());
    assertFalse(Signatures.verify(kp.getPublic(), edited));
    assertFalse(Signatures.verify(Keys.generate().getPublic(), signed));
    assertFalse(Signatures.verify(kp.getPublic(), release()), "unsigned");
    byte[] sig = Signatures.sign(kp.getPrivate(), release());
    for (int i = 0; i < sig.length; i++) {
      byte[] bad = sig.clone();
      bad[i] ^= 0x01;
      assertFalse(Signatures.verify(kp.getPublic(), release(), bad), "signature byte " + i);
    }
  }
}
