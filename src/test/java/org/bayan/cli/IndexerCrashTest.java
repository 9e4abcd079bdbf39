package org.bayan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.bayan.ingest.IndexSummary;
import org.bayan.store.DataLayout;
import org.bayan.store.ReleaseStore;
import org.bayan.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Killing the indexer (SIGKILL, no shutdown hooks) at any point and running it again leaves a clean,
 * complete index: the store keeps what it acknowledged, and the index replays the store from its last
 * commit.
 */
class IndexerCrashTest {
  @TempDir Path tmp;

  static Path corpus() {
    return Fixtures.shared().resolve("corpora/ant");
  }

  private Process indexer(Path data) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        "-Dbayan.home=" + Fixtures.project(), BayanCommand.class.getName(), "index", "--data", data.toString(),
        corpus().toString())
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve("indexer-" + System.nanoTime() + ".log").toFile())
        .start();
  }

  @ParameterizedTest(name = "killed once the store holds {0} bytes")
  @ValueSource(longs = {200_000, 6_000_000, 30_000_000})
  void a_killed_indexer_run_again_leaves_a_clean_complete_index(long killAt) throws Exception {
    Path data = tmp.resolve("data");
    Path storeFile = new DataLayout(data).storeDir().resolve("releases.log");
    Process p = indexer(data);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (p.isAlive() && System.nanoTime() < deadline
        && (!Files.exists(storeFile) || Files.size(storeFile) < killAt)) {
      Thread.sleep(5);
    }
    p.destroyForcibly(); // SIGKILL
    p.waitFor(30, TimeUnit.SECONDS);

    IndexSummary s = IndexCommand.run(data, Fixtures.analyzers(), List.of(corpus()), null, 200_000);
    // The corpus holds a few real records with a date in no ISO-8601 form; they are rejected every run.
    assertTrue(s.rejections().stream().allMatch(r -> r.reason().contains("published_at")), s.rejections().toString());

    int stored;
    try (ReleaseStore store = ReleaseStore.open(new DataLayout(data).storeDir())) {
      stored = store.statementCount();
    }
    assertEquals(10_138, stored + s.rejected(), "every valid release of the corpus is stored exactly once");
    try (FSDirectory dir = FSDirectory.open(data.resolve("index"))) {
      try (CheckIndex check = new CheckIndex(dir)) {
        assertTrue(check.checkIndex().clean, "CheckIndex reports problems");
      }
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        assertEquals(stored, r.numDocs(), "index and store disagree");
      }
    }
  }

  @Test
  void the_corpus_is_where_the_test_expects_it() {
    assertTrue(new File(corpus().toFile(), "releases.jsonl.gz").isFile(), corpus() + " is missing");
  }
}
