package org.bayan.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CheckpointTest {
  private static final String ORIGIN = "bayan.example/log";
  private final KeyPair kp = Keys.generate();
  private final CheckpointSigner signer = new CheckpointSigner(ORIGIN, kp.getPrivate());
  private final CheckpointVerifier verifier = new CheckpointVerifier(ORIGIN, signer.verifierKey());

  private static Checkpoint checkpoint() {
    byte[] root = new byte[32];
    for (int i = 0; i < 32; i++) root[i] = (byte) (i * 7);
    return new Checkpoint(ORIGIN, 12345, root);
  }

  private String failure(String note) {
    return assertThrows(InvalidCheckpointException.class, () -> verifier.verify(note)).getMessage();
  }

  @Test
  void a_signed_checkpoint_has_the_c2sp_layout_and_verifies() throws Exception {
    String note = signer.sign(checkpoint());
    String[] lines = note.split("\n", -1);
    assertEquals(ORIGIN, lines[0]);
    assertEquals("12345", lines[1]);
    assertEquals(Base64.getEncoder().encodeToString(checkpoint().rootHash()), lines[2]);
    assertEquals("", lines[3]);
    assertTrue(lines[4].startsWith("\u2014 " + ORIGIN + " "), lines[4]);
    byte[] sig = Base64.getDecoder().decode(lines[4].substring(lines[4].lastIndexOf(' ') + 1));
    assertEquals(68, sig.length);
    assertEquals(Keys.keyId(ORIGIN, kp.getPublic()), java.util.HexFormat.of().formatHex(sig, 0, 4));
    assertEquals("", lines[5]);
    assertEquals(checkpoint(), verifier.verify(note));
    assertEquals(checkpoint(), verifier.verify(note.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void flipping_any_byte_of_the_note_fails_verification() {
    byte[] note = signer.sign(checkpoint()).getBytes(StandardCharsets.UTF_8);
    for (int mask : new int[] {0x01, 0x02, 0x20, 0x80}) {
      for (int i = 0; i < note.length; i++) {
        byte[] bad = note.clone();
        bad[i] ^= (byte) mask;
        int at = i;
        assertThrows(InvalidCheckpointException.class, () -> verifier.verify(bad), "byte " + at + " ^ " + mask);
        String asText = new String(bad, StandardCharsets.UTF_8);
        assertThrows(InvalidCheckpointException.class, () -> verifier.verify(asText), "text byte " + at);
      }
    }
  }

  @Test
  void failures_say_what_failed() {
    String note = signer.sign(checkpoint());
    assertTrue(failure(note.replace("\n\n", "\n")).contains("no blank line"));
    assertTrue(failure(note.replace("\u2014 ", "- ")).contains("line 5"));
    CheckpointSigner other = new CheckpointSigner(ORIGIN, Keys.generate().getPrivate());
    assertTrue(failure(other.sign(checkpoint())).contains("unknown key"));
    String forged = checkpoint().body().replace("12345", "12346") + note.substring(note.indexOf("\n\n") + 1);
    assertTrue(failure(forged).contains("bad signature on line 5"), failure(forged));
    CheckpointSigner elsewhere = new CheckpointSigner(ORIGIN, kp.getPrivate());
    String wrongOrigin = elsewhere.sign(new Checkpoint("evil.example/log", 1, new byte[32]));
    assertTrue(failure(wrongOrigin).contains("origin"), failure(wrongOrigin));
    assertThrows(IllegalArgumentException.class, () -> new CheckpointVerifier(ORIGIN, "a+b"));
    String vkey = signer.verifierKey();
    String wrongHash = vkey.replaceFirst("\\+[0-9a-f]{8}\\+", "+00000000+");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new CheckpointVerifier(ORIGIN, wrongHash))
        .getMessage().contains("does not match"));
  }

  @Test
  void signatures_by_other_keys_are_ignored_and_the_go_reference_note_verifies() throws Exception {
    String note = signer.sign(checkpoint());
    CheckpointSigner cosigner = new CheckpointSigner("witness.example", Keys.generate().getPrivate());
    String cosigned = cosigner.sign(checkpoint());
    String both = note + cosigned.substring(cosigned.indexOf("\n\n") + 2);
    assertEquals(checkpoint(), verifier.verify(both));

    CheckpointVerifier go = new CheckpointVerifier("unused",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
    String text = "If you think cryptography is the answer to your problem,\n"
        + "then you don't know what your problem is.\n";
    String goNote = text + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    assertEquals(text, go.verifiedText(goNote));
  }
}
