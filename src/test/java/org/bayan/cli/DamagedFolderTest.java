package org.bayan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.bayan.store.DataLayout;
import org.bayan.testing.Fixtures;
import org.bayan.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Damage an operator may meet: a flipped byte in an index file is reported on /healthz and mended by
 * {@code bayan reindex}; a damaged end of the store is called what it is.
 */
class DamagedFolderTest {
  @TempDir Path tmp;

  private Path folder(int releases) throws IOException {
    Path in = tmp.resolve("in");
    Fixtures.agencies(in, "moh");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < releases; i++) {
      lines.add(Fixtures.release("moh-" + i, "moh", "vaccination campaign " + i,
          "the ministry announced vaccination campaign number " + i + " in every region", "2024-05-01"));
    }
    Fixtures.lines(in.resolve("releases.jsonl"), lines);
    return Fixtures.indexed(tmp.resolve("data"), in);
  }

  private static void flipByte(Path file, long at) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0x5a);
    }
  }

  private int bayan(String... args) {
    CommandLine cmd = BayanCommand.commandLine();
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    cmd.setErr(new PrintWriter(new StringWriter(), true));
    return cmd.execute(args);
  }

  @Test
  void a_flipped_byte_in_an_index_file_is_reported_on_healthz_and_reindex_rebuilds_the_index() throws Exception {
    Path data = folder(60);
    DataLayout layout = new DataLayout(data);
    Path largest;
    try (var files = Files.list(layout.indexDir())) {
      largest = files.filter(f -> !f.getFileName().toString().startsWith("segments")
              && !f.getFileName().toString().equals("write.lock"))
          .max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
    }
    flipByte(largest, largest.toFile().length() / 2);

    try (TestServer server = TestServer.start(data)) {
      TestServer.Response health = server.get("/healthz");
      for (int i = 0; i < 100 && health.status() == 200; i++) {
        Thread.sleep(50); // the check reads the index through in the background
        health = server.get("/healthz");
      }
      assertEquals(503, health.status(), health.body());
      String detail = health.json().path("detail").asText();
      assertTrue(detail.contains("damaged") && detail.contains("bayan reindex"), detail);
    }

    assertEquals(0, bayan("reindex", "--data", data.toString(), "--analyzers", Fixtures.analyzers().toString()));
    try (FSDirectory d = FSDirectory.open(layout.indexDir()); CheckIndex check = new CheckIndex(d)) {
      check.setLevel(CheckIndex.Level.MIN_LEVEL_FOR_CHECKSUM_CHECKS);
      assertTrue(check.checkIndex().clean, "the rebuilt index passes CheckIndex");
    }
    try (TestServer server = TestServer.start(data)) {
      Thread.sleep(200);
      TestServer.Response health = server.get("/healthz");
      assertEquals(200, health.status(), health.body());
      assertEquals(60, health.json().path("statements").asInt(), "every stored statement is searchable again");
      assertTrue(server.get("/api/search?q=vaccination").json().path("total").asInt() > 0);
    }
  }

  @Test
  void a_damaged_index_commit_is_named_at_start_and_reindex_rebuilds_it() throws Exception {
    Path data = folder(20);
    DataLayout layout = new DataLayout(data);
    Path segments;
    try (var files = Files.list(layout.indexDir())) {
      segments = files.filter(f -> f.getFileName().toString().startsWith("segments_")).findFirst().orElseThrow();
    }
    flipByte(segments, segments.toFile().length() / 2);
    IOException e = assertThrows(IOException.class, () -> Engine.open(data, Fixtures.analyzers(), true));
    assertTrue(e.getMessage().contains("damaged") && e.getMessage().contains("bayan reindex"), e.getMessage());
    assertEquals(0, bayan("reindex", "--data", data.toString(), "--analyzers", Fixtures.analyzers().toString()));
    try (Engine engine = Engine.open(data, Fixtures.analyzers(), true)) {
      assertEquals(20, engine.search().size());
    }
  }

  @Test
  void a_damaged_last_store_record_is_reported_as_such_not_as_a_log_of_another_store() throws Exception {
    Path data = folder(3);
    Path store = new DataLayout(data).storeDir().resolve("releases.log");
    long size = Files.size(store);
    flipByte(store, size - 20); // inside the last record's JSON, before its newline
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Engine.open(data, Fixtures.analyzers(), true).close());
    assertTrue(e.getMessage().contains("damaged at its end"), e.getMessage());
    assertFalse(e.getMessage().contains("another store"), e.getMessage());
    assertEquals(size, Files.size(store), "the damaged record is left for the operator, not cut off");
  }

  @Test
  void a_failure_on_the_command_line_names_its_cause_without_debug_output() {
    String line = BayanCommand.describe(new UncheckedIOException("cannot write the index",
        new IOException("No space left on device")));
    assertEquals("cannot write the index: No space left on device", line);
  }
}
