package org.bayan.provenance;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Verifies C2SP signed-note checkpoints against one Ed25519 verifier key and one expected origin.
 *
 * <p>Per the signed-note spec, signature lines by other keys are ignored, but at least one must be by this
 * key, and a signature by this key that does not verify is an error. Checkpoint extension lines after the
 * root hash are allowed and not returned.
 */
public final class CheckpointVerifier {
  private static final String SIG_PREFIX = "\u2014 ";
  private static final int MAX_NOTE = 1 << 20;
  private static final int MAX_SIGNATURES = 100;

  private final String origin;
  private final String name;
  private final byte[] keyHash;
  private final PublicKey key;

  /**
   * @param origin the origin the checkpoint must name
   * @param verifierKey a C2SP verifier key {@code <name>+<8 hex key hash>+<base64(0x01 || 32-byte key)>}
   * @throws IllegalArgumentException naming what is wrong with the verifier key
   */
  public CheckpointVerifier(String origin, String verifierKey) {
    if (origin == null || origin.isEmpty()) throw new IllegalArgumentException("expected origin is empty");
    // Only the first two '+' separate fields: the base64 key itself may contain '+'.
    String[] parts = verifierKey.split("\\+", 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException("verifier key must be <name>+<hash>+<key>, got " + parts.length + " parts");
    }
    Keys.checkName(parts[0]);
    if (!parts[1].matches("[0-9a-f]{8}")) {
      throw new IllegalArgumentException("verifier key hash '" + parts[1] + "' is not 8 lower-case hex digits");
    }
    byte[] typed = Keys.decodeBase64(parts[2], "verifier key");
    if (typed.length != 33 || typed[0] != Keys.ED25519) {
      throw new IllegalArgumentException("verifier key is not an Ed25519 key (type 0x01 followed by 32 bytes)");
    }
    this.origin = origin;
    this.name = parts[0];
    this.key = Keys.publicKey(Arrays.copyOfRange(typed, 1, 33));
    this.keyHash = Keys.keyHash(name, key);
    if (!HexFormat.of().formatHex(keyHash).equals(parts[1])) {
      throw new IllegalArgumentException("verifier key hash " + parts[1] + " does not match its name and key");
    }
  }

  /** Verifies UTF-8 note bytes, rejecting invalid UTF-8 rather than letting it be replaced. */
  public Checkpoint verify(byte[] note) throws InvalidCheckpointException {
    try {
      return verify(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(note))
          .toString());
    } catch (CharacterCodingException e) {
      throw new InvalidCheckpointException("note is not valid UTF-8");
    }
  }

  /**
   * Checks the note's form, its signature by this verifier's key and the checkpoint body.
   *
   * @return the checkpoint the note signs
   * @throws InvalidCheckpointException saying what failed: bad format on line N, no signature by the key,
   *     bad signature, wrong origin
   */
  public Checkpoint verify(String note) throws InvalidCheckpointException {
    return parseBody(verifiedText(note));
  }

  /** The signed text of a note (everything before the blank line) once a signature by this key verifies. */
  String verifiedText(String note) throws InvalidCheckpointException {
    if (note.length() > MAX_NOTE) throw new InvalidCheckpointException("note is over " + MAX_NOTE + " characters");
    for (int i = 0; i < note.length(); i++) {
      char c = note.charAt(i);
      if ((c < 0x20 && c != '\n') || c == 0x7f) {
        throw new InvalidCheckpointException("note has control character 0x" + Integer.toHexString(c)
            + " on line " + lineOf(note, i));
      }
    }
    int split = note.lastIndexOf("\n\n");
    if (split < 0) throw new InvalidCheckpointException("note has no blank line before its signatures");
    String text = note.substring(0, split + 1);
    String sigs = note.substring(split + 2);
    int firstSigLine = lineOf(note, split + 2);
    if (sigs.isEmpty()) throw new InvalidCheckpointException("note has no signature lines after the blank line");
    if (!sigs.endsWith("\n")) {
      throw new InvalidCheckpointException("bad format on line " + lineOf(note, note.length() - 1)
          + ": the last signature line does not end in a newline");
    }
    String[] lines = sigs.substring(0, sigs.length() - 1).split("\n", -1);
    if (lines.length > MAX_SIGNATURES) throw new InvalidCheckpointException("note has over 100 signatures");
    byte[] message = text.getBytes(StandardCharsets.UTF_8);
    boolean verified = false;
    for (int i = 0; i < lines.length; i++) {
      int lineNo = firstSigLine + i;
      String line = lines[i];
      if (!line.startsWith(SIG_PREFIX)) {
        throw new InvalidCheckpointException("bad format on line " + lineNo + ": a signature line starts with '— '");
      }
      String rest = line.substring(SIG_PREFIX.length());
      int space = rest.indexOf(' ');
      if (space <= 0 || rest.indexOf(' ', space + 1) >= 0) {
        throw new InvalidCheckpointException("bad format on line " + lineNo + ": expected '— <name> <signature>'");
      }
      String sigName = rest.substring(0, space);
      byte[] sig;
      try {
        Keys.checkName(sigName);
        sig = Keys.decodeBase64(rest.substring(space + 1), "signature");
      } catch (IllegalArgumentException e) {
        throw new InvalidCheckpointException("bad format on line " + lineNo + ": " + e.getMessage());
      }
      if (sig.length < 5) {
        throw new InvalidCheckpointException("bad format on line " + lineNo + ": signature is too short");
      }
      if (!sigName.equals(name) || !MessageDigest.isEqual(Arrays.copyOf(sig, 4), keyHash)) continue; // other key
      if (!Signatures.ed25519Verify(key, message, Arrays.copyOfRange(sig, 4, sig.length))) {
        throw new InvalidCheckpointException("bad signature on line " + lineNo + " by key " + name);
      }
      verified = true;
    }
    if (!verified) {
      throw new InvalidCheckpointException("no signature by key " + name + "+" + HexFormat.of().formatHex(keyHash)
          + " (unknown key)");
    }
    return text;
  }

  private Checkpoint parseBody(String text) throws InvalidCheckpointException {
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw new InvalidCheckpointException("bad format: checkpoint has " + lines.length + " lines, needs origin,"
          + " size and root hash");
    }
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isEmpty()) throw new InvalidCheckpointException("bad format on line " + (i + 1) + ": empty line");
    }
    if (!lines[0].equals(origin)) {
      throw new InvalidCheckpointException("line 1: origin '" + lines[0] + "' is not the expected '" + origin + "'");
    }
    if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
      throw new InvalidCheckpointException("bad format on line 2: tree size '" + lines[1] + "' is not a decimal");
    }
    long size;
    try {
      size = Long.parseLong(lines[1]);
    } catch (NumberFormatException e) {
      throw new InvalidCheckpointException("bad format on line 2: tree size '" + lines[1] + "' is too large");
    }
    byte[] root;
    try {
      root = Keys.decodeBase64(lines[2], "root hash");
    } catch (IllegalArgumentException e) {
      throw new InvalidCheckpointException("bad format on line 3: " + e.getMessage());
    }
    if (root.length != 32) {
      throw new InvalidCheckpointException("bad format on line 3: root hash is " + root.length + " bytes, not 32");
    }
    return new Checkpoint(lines[0], size, root);
  }

  private static int lineOf(String s, int index) {
    int line = 1;
    for (int i = 0; i < index && i < s.length(); i++) if (s.charAt(i) == '\n') line++;
    return line;
  }
}
