package org.bayan.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bayan.ingest.IndexSummary;
import org.bayan.ingest.Indexer;
import org.bayan.ingest.RejectsReport;
import org.bayan.provenance.Checkpoint;
import org.bayan.provenance.CheckpointVerifier;
import org.bayan.provenance.MerkleTree;
import org.bayan.provenance.MerkleVerifier;
import org.bayan.provenance.OfflineVerifier;
import org.bayan.testing.Fixtures;
import org.bayan.testing.SigningFixtures;
import org.bayan.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceApiTest {
  @TempDir Path tmp;
  private final SigningFixtures moi = new SigningFixtures("moi");
  private int files;

  private IndexSummary ingest(TestServer s, String... lines) throws Exception {
    Path dir = tmp.resolve("in" + files++);
    moi.agenciesFile(dir, "2020-01-01", "2030-01-01");
    Path f = Fixtures.lines(dir.resolve("releases.jsonl"), List.of(lines));
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    return new Indexer(s.engine.store, s.engine.agencies, s.engine.sync, new RejectsReport(s.engine.layout.rejectsFile()),
        10_000, quiet, quiet, false).run(List.of(f));
  }

  @Test
  void signed_releases_are_admitted_as_signed_and_forged_or_expired_ones_are_rejected_with_the_reason()
      throws Exception {
    try (TestServer s = TestServer.start(tmp.resolve("data"))) {
      String signed = moi.signedLine(moi.release("moi-1", "Traffic plan", "The ministry announces a traffic plan", "2024-05-01"));
      String tampered = signed.replace("traffic plan", "curfew plan").replace("moi-1", "moi-2");
      String expired = moi.signedLine(moi.release("moi-3", "Old", "A statement from before the key", "2019-12-31"));
      String unknownKey = signed.replace(moi.keyId, "00000000").replace("moi-1", "moi-4");
      String unsigned = SigningFixtures.unsignedLine(moi.release("moi-5", "Plain", "An unsigned statement", "2024-05-02"));
      IndexSummary sum = ingest(s, signed, tampered, expired, unknownKey, unsigned);
      assertEquals(2, sum.added());
      assertEquals(3, sum.rejected());
      List<String> reasons = sum.rejections().stream().map(Object::toString).toList();
      assertTrue(reasons.get(0).matches(".*releases\\.jsonl:2: invalid signature.*"), reasons.get(0));
      assertTrue(reasons.get(1).matches(".*releases\\.jsonl:3: key '" + moi.keyId + "'.*does not cover published_at 2019-12-31"),
          reasons.get(1));
      assertTrue(reasons.get(2).matches(".*releases\\.jsonl:4: unknown key id '00000000'.*"), reasons.get(2));
      assertEquals(404, s.get("/api/statements/moi-2").status()); // never stored

      assertEquals("signed", s.get("/api/statements/moi-1").json().get("status").asText());
      assertEquals("unsigned", s.get("/api/statements/moi-5").json().get("status").asText());
      JsonNode onlySigned = s.get("/api/search?status=signed").json();
      assertEquals(1, onlySigned.get("total").asInt());
      assertEquals("moi-1", onlySigned.get("hits").get(0).get("id").asText());
      assertEquals("signed", onlySigned.get("hits").get(0).get("status").asText());
      JsonNode onlyUnsigned = s.get("/api/search?status=unsigned").json();
      assertEquals("moi-5", onlyUnsigned.get("hits").get(0).get("id").asText());
      TestServer.Response bad = s.get("/api/search?status=valid");
      assertEquals(400, bad.status());
      assertTrue(bad.json().get("detail").asText().contains("'status'"));
      // Only admitted versions are in the log.
      assertEquals(2, s.get("/api/log/entries").json().get("entries").size());
    }
  }

  @Test
  void an_edited_release_keeps_both_versions_with_their_log_indexes_and_a_word_diff() throws Exception {
    try (TestServer s = TestServer.start(tmp.resolve("data"))) {
      ingest(s, moi.signedLine(moi.release("moi-1", "Traffic plan", "The ministry announces a new traffic plan today", "2024-05-01")));
      ingest(s, moi.signedLine(moi.release("moi-1", "Traffic plan", "The ministry announces a revised traffic plan today", "2024-05-01")));
      JsonNode versions = s.get("/api/statements/moi-1/versions").json().get("versions");
      assertEquals(2, versions.size());
      assertEquals(1, versions.get(0).get("version").asInt());
      assertEquals(0, versions.get(0).get("log_index").asLong());
      assertEquals(1, versions.get(1).get("log_index").asLong());
      assertFalse(versions.get(0).get("content_hash").asText().equals(versions.get(1).get("content_hash").asText()));

      JsonNode diff = s.get("/api/statements/moi-1/diff?from=1&to=2").json();
      List<String> ops = new ArrayList<>();
      diff.get("body").forEach(o -> ops.add(o.get("op").asText() + ":" + o.get("text").asText()));
      assertEquals(List.of("equal:The ministry announces a", "delete:new", "insert:revised", "equal:traffic plan today"), ops);
      assertEquals("equal", diff.get("title").get(0).get("op").asText());

      JsonNode hit = s.get("/api/search?q=traffic").json().get("hits").get(0);
      assertEquals(2, hit.get("version").asInt());
      assertTrue(hit.get("updated").asBoolean());
      assertEquals(1, s.get("/api/statements/moi-1?version=1").json().get("version").asInt());
      assertEquals(400, s.get("/api/statements/moi-1/diff?from=1&to=3").status());
      assertEquals("invalid_parameter", s.get("/api/statements/moi-1/diff?from=x").json().get("error").asText());
    }
  }

  @Test
  void a_downloaded_statement_verifies_against_the_signed_checkpoint_and_one_changed_byte_fails() throws Exception {
    try (TestServer s = TestServer.start(tmp.resolve("data"))) {
      List<String> lines = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        lines.add(moi.signedLine(moi.release("moi-" + i, "Statement " + i, "Body text number " + i, "2024-05-0" + i)));
      }
      ingest(s, lines.toArray(String[]::new));
      String key = s.get("/api/log/key").body().strip();
      TestServer.Response stmt = s.get("/api/statements/moi-3?version=1");
      JsonNode proof = s.get("/api/statements/moi-3/proof?version=1").json();
      String note = proof.get("checkpoint").asText();
      assertEquals(note, s.get("/api/log/checkpoint").body()); // nothing appended since: the same signed note

      Checkpoint cp = new CheckpointVerifier("bayan.local/log", key).verify(note);
      assertEquals(5, cp.size());
      byte[] leaf = MerkleTree.leafHash(proof.get("entry").asText().getBytes(StandardCharsets.UTF_8));
      List<byte[]> path = new ArrayList<>();
      proof.get("inclusion_proof").forEach(h -> path.add(Base64.getDecoder().decode(h.asText())));
      assertTrue(MerkleVerifier.verifyInclusion(proof.get("leaf_index").asLong(), cp.size(), leaf, path, cp.rootHash()));

      byte[] statement = stmt.body().getBytes(StandardCharsets.UTF_8);
      byte[] proofBytes = s.get("/api/statements/moi-3/proof?version=1").body().getBytes(StandardCharsets.UTF_8);
      OfflineVerifier verifier = new OfflineVerifier();
      assertEquals(5, verifier.verify(statement, proofBytes, note, key, null).size());

      String before = stmt.body().substring(0, stmt.body().indexOf("Body text number 3"));
      int at = before.getBytes(StandardCharsets.UTF_8).length + 2; // the 'd' of Body
      byte[] flipped = statement.clone();
      flipped[at] ^= 0x01;
      OfflineVerifier.Failure f = assertThrows(OfflineVerifier.Failure.class,
          () -> verifier.verify(flipped, proofBytes, note, key, null));
      assertEquals("content hash", f.step());

      String forgedNote = note.replace("\n5\n", "\n4\n");
      assertEquals("checkpoint signature",
          assertThrows(OfflineVerifier.Failure.class, () -> verifier.verify(statement, proofBytes, forgedNote, key, null)).step());
    }
  }

  @Test
  void every_pair_of_checkpoints_of_a_growing_log_is_consistent() throws Exception {
    try (TestServer s = TestServer.start(tmp.resolve("data"))) {
      String key = s.get("/api/log/key").body().strip();
      CheckpointVerifier cv = new CheckpointVerifier("bayan.local/log", key);
      List<Checkpoint> seen = new ArrayList<>();
      int n = 0;
      for (int batch : new int[] {1, 2, 1, 4, 5}) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < batch; i++, n++) {
          lines.add(SigningFixtures.unsignedLine(moi.release("s-" + n, "T" + n, "Body " + n, "2024-06-01")));
        }
        ingest(s, lines.toArray(String[]::new));
        seen.add(cv.verify(s.get("/api/log/checkpoint").body()));
      }
      assertEquals(List.of(1L, 3L, 4L, 8L, 13L), seen.stream().map(Checkpoint::size).toList());
      for (Checkpoint a : seen) {
        for (Checkpoint b : seen) {
          if (a.size() > b.size()) continue;
          JsonNode c = s.get("/api/log/consistency?from=" + a.size() + "&to=" + b.size()).json();
          List<byte[]> proof = new ArrayList<>();
          c.get("proof").forEach(h -> proof.add(Base64.getDecoder().decode(h.asText())));
          assertTrue(MerkleVerifier.verifyConsistency(a.size(), b.size(), a.rootHash(), b.rootHash(), proof),
              a.size() + " -> " + b.size());
        }
      }
      JsonNode empty = s.get("/api/log/consistency?from=0&to=13").json();
      assertEquals(0, empty.get("proof").size());
      assertTrue(empty.get("note").asText().contains("empty tree"));
      assertArrayEquals(seen.getLast().rootHash(), Base64.getDecoder().decode(empty.get("to_root").asText()));

      TestServer.Response backwards = s.get("/api/log/consistency?from=5&to=3");
      assertEquals(400, backwards.status());
      assertTrue(backwards.json().get("detail").asText().contains("'from'"));
      assertTrue(s.get("/api/log/consistency?from=1&to=99").json().get("detail").asText().contains("'to'"));
      assertTrue(s.get("/api/log/entries?start=2&end=1").json().get("detail").asText().contains("'end'"));
      assertTrue(s.get("/api/log/entries?start=-1").json().get("detail").asText().contains("'start'"));
      JsonNode page = s.get("/api/log/entries?start=3&end=5").json();
      assertEquals(2, page.get("entries").size());
      assertEquals("s-3", page.get("entries").get(0).get("id").asText());
      assertEquals(3, page.get("entries").get(0).get("index").asLong());
    }
  }
}
