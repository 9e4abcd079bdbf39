package org.bayan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bayan.provenance.Checkpoint;
import org.bayan.provenance.CheckpointSigner;
import org.bayan.provenance.Keys;
import org.bayan.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bayan verify --consistency OLD NEW}: over every consistency proof of the RFC 6962 reference vectors,
 * with checkpoints signed for their roots, the command agrees with the vectors, and any changed proof hash,
 * root or size is refused. Checkpoints saved with an extra line end (as {@code jq -r} writes them) still verify.
 */
class VerifyCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  private final KeyPair pair = Keys.generate();
  private final CheckpointSigner signer = new CheckpointSigner("bayan.test/log", pair.getPrivate());

  record Run(int exit, String out) {}

  private final picocli.CommandLine cli = BayanCommand.commandLine(); // options are reset at every parse

  private Run bayan(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      int exit = cli.execute(args);
      return new Run(exit, buf.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(old);
    }
  }

  private static JsonNode vectors() throws Exception {
    return JSON.readTree(Fixtures.shared().resolve("testvectors/rfc6962.json").toFile());
  }

  private Path note(String name, long size, byte[] root, String trailing) throws Exception {
    return Files.writeString(tmp.resolve(name), signer.sign(new Checkpoint("bayan.test/log", size, root)) + trailing);
  }

  private Path proof(long from, long to, List<byte[]> hashes) throws Exception {
    ObjectNode o = JSON.createObjectNode().put("from", from).put("to", to);
    var arr = o.putArray("proof");
    for (byte[] h : hashes) arr.add(Base64.getEncoder().encodeToString(h));
    Path p = tmp.resolve("c-" + from + "-" + to + ".json");
    Files.writeString(p, o.toString());
    return p;
  }

  private Run consistency(Path old, Path now, Path proof) throws Exception {
    Path key = Files.writeString(tmp.resolve("key.txt"), signer.verifierKey() + "\n");
    return bayan("verify", "--consistency", old.toString(), now.toString(), "--proof", proof.toString(), "--key",
        key.toString());
  }

  @Test
  void every_reference_consistency_proof_verifies_and_every_altered_one_fails() throws Exception {
    JsonNode v = vectors();
    HexFormat hex = HexFormat.of();
    List<byte[]> roots = new ArrayList<>();
    v.get("roots_by_size_hex").forEach(r -> roots.add(hex.parseHex(r.asText())));
    int checked = 0;
    for (JsonNode c : v.get("consistency")) {
      int m = c.get("old_size").asInt();
      int n = c.get("new_size").asInt();
      List<byte[]> path = new ArrayList<>();
      c.get("proof_hex").forEach(h -> path.add(hex.parseHex(h.asText())));
      Path old = note("old.txt", m, roots.get(m), "\n"); // saved with jq -r: one line end more
      Path now = note("new.txt", n, roots.get(n), "");
      Run ok = consistency(old, now, proof(m, n, path));
      assertEquals(0, ok.exit(), m + "→" + n + ": " + ok.out());
      assertTrue(ok.out().endsWith("CONSISTENT\n"), ok.out());
      checked++;

      for (int i = 0; i < path.size(); i++) {
        List<byte[]> bad = new ArrayList<>(path);
        byte[] h = bad.get(i).clone();
        h[i % h.length] ^= 1;
        bad.set(i, h);
        Run r = consistency(old, now, proof(m, n, bad));
        assertEquals(1, r.exit(), m + "→" + n + " with hash " + i + " altered: " + r.out());
        assertTrue(r.out().contains("step failed: consistency"), r.out());
      }
      if (m < n) {
        // a log that rewrote its history: the old checkpoint signs another root
        byte[] other = roots.get(m).clone();
        other[0] ^= 1;
        Run r = consistency(note("forged.txt", m, other, ""), now, proof(m, n, path));
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("step failed: consistency"), r.out());
        // the proof for other sizes than the checkpoints'
        Run s = consistency(old, now, proof(m, n + 1, path));
        assertEquals(1, s.exit(), s.out());
        assertTrue(s.out().contains("step failed: proof"), s.out());
      }
    }
    assertTrue(checked >= 10, "vectors checked: " + checked);
  }

  @Test
  void a_checkpoint_signed_by_another_key_is_refused() throws Exception {
    JsonNode v = vectors();
    byte[] root = HexFormat.of().parseHex(v.get("roots_by_size_hex").get(4).asText());
    Path old = note("old.txt", 4, root, "");
    CheckpointSigner other = new CheckpointSigner("bayan.test/log", Keys.generate().getPrivate());
    Path now = Files.writeString(tmp.resolve("new.txt"), other.sign(new Checkpoint("bayan.test/log", 4, root)));
    Run r = consistency(old, now, proof(4, 4, List.of()));
    assertEquals(1, r.exit(), r.out());
    assertTrue(r.out().contains("step failed: new checkpoint"), r.out());
  }

  @Test
  void trailing_blank_lines_are_accepted_but_a_changed_note_is_not() throws Exception {
    byte[] root = HexFormat.of().parseHex(vectors().get("roots_by_size_hex").get(3).asText());
    for (String trailing : List.of("", "\n", "\n\n\n")) {
      Run r = consistency(note("a.txt", 3, root, trailing), note("b.txt", 3, root, trailing), proof(3, 3, List.of()));
      assertEquals(0, r.exit(), "trailing " + trailing.length() + ": " + r.out());
    }
    String signed = signer.sign(new Checkpoint("bayan.test/log", 3, root));
    Path changed = Files.writeString(tmp.resolve("changed.txt"), signed.replaceFirst("\n3\n", "\n2\n") + "\n");
    Run r = consistency(changed, note("b.txt", 3, root, ""), proof(3, 3, List.of()));
    assertEquals(1, r.exit(), r.out());
    assertTrue(r.out().contains("step failed: old checkpoint"), r.out());
  }
}
