package org.bayan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bayan.ingest.IndexSync;
import org.bayan.provenance.TransparencyLog;
import org.bayan.statement.StatementVersion;
import org.bayan.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceCliTest {
  @TempDir Path tmp;

  private static int bayan(String... args) {
    return BayanCommand.commandLine().execute(args);
  }

  private String[] data(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--data", tmp.resolve("data").toString(), "--analyzers", Fixtures.analyzers().toString()));
    return all.toArray(String[]::new);
  }

  @Test
  void a_release_signed_with_bayan_sign_is_ingested_as_signed_and_reindex_leaves_the_log_alone() throws Exception {
    Path keys = tmp.resolve("keys");
    assertEquals(0, bayan("keys", "generate", "--name", "moi", "--out", keys.toString()));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("moi.key"))));
    assertEquals(0, bayan(data("agency", "add", "moi", "--name-en", "Ministry of Interior")));
    assertEquals(0, bayan(data("agency", "add-key", "moi", "--public-key-file", keys.resolve("moi.pub").toString(),
        "--valid-from", "2020-01-01")));
    String keyId = new ObjectMapper().readTree(tmp.resolve("data/agencies.json").toFile())
        .get(0).get("keys").get(0).get("id").asText();
    Path releases = Fixtures.lines(tmp.resolve("in/releases.jsonl"), List.of(
        Fixtures.release("moi-1", "moi", "  وزارة الداخلية  ", "أعلنت وزارة الداخلية عن خطة مرورية", "2024-05-01"),
        Fixtures.release("moi-2", "moi", "Traffic", "The ministry announces a plan", "2024-05-02T10:00:00+03:00")));
    Path signed = tmp.resolve("signed.jsonl");
    assertEquals(0, bayan("sign", releases.toString(), "--key", keys.resolve("moi.key").toString(), "--key-id", keyId,
        "--out", signed.toString()));
    assertEquals(0, bayan(data("index", "--strict", signed.toString())));

    byte[] root;
    long size;
    try (Engine e = Engine.open(tmp.resolve("data"), Fixtures.analyzers(), true)) {
      size = e.log.size();
      root = e.log.root(size);
      assertEquals(2, size);
      assertEquals("signed", e.log.entry(0).signatureStatus());
      assertEquals("signed", e.log.entry(1).signatureStatus());
    }
    assertEquals(0, bayan(data("reindex")));
    try (Engine e = Engine.open(tmp.resolve("data"), Fixtures.analyzers(), true)) {
      assertEquals(size, e.log.size());
      assertArrayEquals(root, e.log.root(size));
    }
  }

  @Test
  void killing_an_indexer_during_appends_loses_no_acknowledged_log_entry() throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.agencies(in, "moi");
    Path file = in.resolve("releases.jsonl");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < 150_000; i++) {
        w.write(Fixtures.release("r-" + i, "moi", "Statement " + i, "Body of statement number " + i, "2024-05-01"));
        w.write('\n');
      }
    }
    Path data = tmp.resolve("data");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.bayan.cli.BayanCommand", "index",
        "--data", data.toString(), "--analyzers", Fixtures.analyzers().toString(), file.toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("child.out").toFile()).start();
    // What reached log.dat is what an append has written; snapshots read it as a client would after a crash.
    Path logFile = data.resolve("log/log.dat");
    long snapSize = 0;
    byte[] snapRoot = null;
    int snapshots = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (child.isAlive() && System.nanoTime() < deadline && snapshots < 3) {
      Thread.sleep(50);
      if (!Files.exists(logFile)) continue;
      Path copy = tmp.resolve("snap" + snapshots);
      Files.createDirectories(copy);
      Files.copy(logFile, copy.resolve("log.dat"), StandardCopyOption.REPLACE_EXISTING);
      try (TransparencyLog snap = TransparencyLog.open(copy)) {
        if (snap.size() > snapSize) {
          snapSize = snap.size();
          snapRoot = snap.root(snapSize);
          snapshots++;
        }
      }
    }
    boolean killedMidway = child.isAlive();
    child.destroyForcibly(); // SIGKILL
    child.waitFor(30, TimeUnit.SECONDS);
    assertTrue(snapSize > 0, "the indexer appended nothing to the log: " + Files.readString(tmp.resolve("child.out")));
    assertTrue(killedMidway, "the indexer finished before it could be killed; make the input larger");

    try (TransparencyLog log = TransparencyLog.open(data.resolve("log"))) {
      assertTrue(log.size() >= snapSize, log.size() + " < " + snapSize);
      assertArrayEquals(snapRoot, log.root(snapSize));
    }
    // Reopening catches the log up with the store; entry i is exactly the version with seq i + 1.
    try (Engine e = Engine.open(data, Fixtures.analyzers(), true)) {
      assertEquals(e.store.lastSeq(), e.log.size());
      List<StatementVersion> all = new ArrayList<>();
      e.store.scan(0, all::add);
      assertEquals(all.size(), e.log.size());
      for (int i = 0; i < all.size(); i += 997) {
        assertEquals(IndexSync.entryOf(all.get(i)), e.log.entry(i));
      }
      assertEquals(IndexSync.entryOf(all.getLast()), e.log.entry(all.size() - 1));
    }
  }
}
