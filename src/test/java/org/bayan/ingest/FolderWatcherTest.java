package org.bayan.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.index.LuceneIndex;
import org.bayan.statement.Agency;
import org.bayan.store.AgencyRegistry;
import org.bayan.store.ReleaseStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWatcherTest {
  @TempDir Path dir;

  static String line(String id) {
    return "{\"id\":\"" + id + "\",\"agency\":\"moh\",\"body\":\"text of " + id + "\",\"published_at\":\"2024-05-01\"}\n";
  }

  @Test
  void files_are_ingested_once_they_stop_growing_and_again_when_they_change_without_duplicating() throws Exception {
    Path watched = Files.createDirectories(dir.resolve("drop"));
    PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    try (AnalyzerRegistry analyzers = AnalyzerRegistry.load(Path.of("analyzers"));
        ReleaseStore store = ReleaseStore.open(dir.resolve("store"));
        LuceneIndex index = LuceneIndex.open(dir.resolve("index"), analyzers)) {
      AgencyRegistry agencies = new AgencyRegistry(dir.resolve("agencies.json"));
      agencies.register(List.of(new Agency("moh", null, "MoH", null, null)));
      Indexer indexer = new Indexer(store, agencies, new IndexSync(store, index),
          new RejectsReport(dir.resolve("rejects.jsonl")), 10_000, quiet, quiet, false);
      List<IndexSummary> runs = new ArrayList<>();
      FolderWatcher watcher = new FolderWatcher(watched, f -> runs.add(indexer.run(List.of(f))));

      Path file = watched.resolve("today.jsonl");
      Files.writeString(file, line("a") + line("b"));
      assertEquals(List.of(), watcher.scan(), "first sighting: it may still be being written");
      assertEquals(List.of(file), watcher.scan());
      assertEquals(2, runs.getLast().added());
      assertEquals(List.of(), watcher.scan(), "nothing changed");

      Files.writeString(file, line("c"), StandardOpenOption.APPEND);
      Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
      assertEquals(List.of(), watcher.scan(), "it grew since the last look");
      assertEquals(List.of(file), watcher.scan());
      assertEquals(1, runs.getLast().added());
      assertEquals(2, runs.getLast().unchanged());
      assertEquals(3, store.statementCount());
      Files.writeString(watched.resolve("notes.txt"), "not a release file");
      assertEquals(List.of(), watcher.scan());
      assertEquals(List.of(), watcher.scan());
    }
  }
}
