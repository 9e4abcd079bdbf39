package org.bayan.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.ingest.IndexSync;
import org.bayan.statement.Release;
import org.bayan.store.ReleaseStore;
import org.bayan.testing.DiskFull;
import org.bayan.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index write that fails on a full disk leaves the writer broken (often closed for good by Lucene); the
 * next catch-up, once space returns, reopens it at its last commit and replays the store, without a restart.
 */
class WriterRecoveryTest {
  @TempDir Path dir;

  private static List<Release> releases(int from, int to) {
    List<Release> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(new Release("r-" + i, "moh", "title " + i, "body of release number " + i, "en",
          "2024-05-01T10:00:00Z", null, null, null, null, null));
    }
    return out;
  }

  private static int docs(LuceneIndex index) {
    IndexSearcher s = index.acquire();
    try {
      return s.getIndexReader().numDocs();
    } finally {
      index.release(s);
    }
  }

  @Test
  void a_writer_that_failed_at_any_write_recovers_once_space_returns_and_loses_nothing() throws Exception {
    AnalyzerRegistry analyzers = AnalyzerRegistry.load(Fixtures.analyzers());
    DiskFull disk = new DiskFull();
    int broken = 0;
    for (int n = 1; n <= 6; n++) {
      Path d = dir.resolve("n" + n);
      try (ReleaseStore store = ReleaseStore.open(d.resolve("store"));
          LuceneIndex index = LuceneIndex.open(d.resolve("index"), analyzers, disk::directory, false)) {
        IndexSync sync = new IndexSync(store, index);
        store.append(releases(0, 10));
        sync.catchUpAndCommit();
        disk.fillAfter(n);
        store.append(releases(10, 20));
        boolean failed = false;
        try {
          sync.catchUpAndCommit();
        } catch (RuntimeException e) {
          failed = true;
          assertTrue(index.problem().isPresent(), "a failed write is reported");
          assertTrue(index.problem().get().contains(DiskFull.MESSAGE), index.problem().get());
          // still full: the next try fails with the same clear cause, and nothing is committed past the store
          assertThrows(RuntimeException.class, sync::catchUpAndCommit);
          broken++;
        }
        disk.free();
        store.append(releases(20, 25));
        sync.catchUpAndCommit();
        assertFalse(index.problem().isPresent(), index.problem().orElse(""));
        assertEquals(25, docs(index), "n=" + n + (failed ? " (failed)" : ""));
        assertEquals(store.endOffset(), index.committedOffset());
      }
      try (LuceneIndex reopened = LuceneIndex.open(d.resolve("index"), analyzers)) {
        assertEquals(25, docs(reopened));
      }
    }
    assertTrue(broken >= 4, broken + " of 6 cases hit the index with a failed write");
  }
}
