package org.bayan.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.index.DerivedIndex;
import org.bayan.index.LuceneIndex;
import org.bayan.statement.Release;
import org.bayan.statement.StatementVersion;
import org.bayan.store.ReleaseStore;
import org.bayan.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay killed part way is not lost: each restart ends with more committed than it started with, however
 * early in the uncommitted range it is killed again.
 */
class ReplayProgressTest {
  @TempDir Path dir;

  /** The index, until {@code left} more documents have been applied: then the process "is killed". */
  private static final class KilledAfter implements DerivedIndex {
    final LuceneIndex in;
    int left;

    KilledAfter(LuceneIndex in, int left) {
      this.in = in;
      this.left = left;
    }

    @Override
    public void apply(Collection<StatementVersion> versions) {
      List<StatementVersion> some = new ArrayList<>(versions);
      if (some.size() > left) {
        in.apply(some.subList(0, left));
        left = 0;
        throw new IllegalStateException("killed");
      }
      left -= some.size();
      in.apply(some);
    }

    @Override
    public void commit(long storeOffset) {
      in.commit(storeOffset);
    }

    @Override
    public long committedOffset() {
      return in.committedOffset();
    }

    @Override
    public long appliedOffset() {
      return in.appliedOffset();
    }

    @Override
    public void setAppliedOffset(long offset) {
      in.setAppliedOffset(offset);
    }

    @Override
    public void refresh() {
      in.refresh();
    }

    @Override
    public void deleteAll() {
      in.deleteAll();
    }
  }

  @Test
  void each_restart_of_a_replay_killed_early_ends_with_more_committed_than_it_started_with() throws Exception {
    int versions = 2_000;
    int commitEvery = 300;
    int killedAfter = 450; // past one step of the replay, well short of all of it
    try (ReleaseStore store = ReleaseStore.open(dir.resolve("store"))) {
      List<Release> all = new ArrayList<>();
      for (int i = 0; i < versions; i++) {
        all.add(new Release("r-" + i, "moh", "title " + i, "body of release number " + i, "en",
            "2024-05-01T10:00:00Z", null, null, null, null, null));
      }
      store.append(all);
      AnalyzerRegistry analyzers = AnalyzerRegistry.load(Fixtures.analyzers());
      long committed = 0;
      int restarts = 0;
      while (committed < store.endOffset()) {
        assertTrue(restarts < versions / commitEvery + 2, "no progress after " + restarts + " restarts");
        try (LuceneIndex index = LuceneIndex.open(dir.resolve("index"), analyzers)) {
          assertEquals(committed, index.committedOffset(), "a restart starts at the last commit");
          KilledAfter killed = new KilledAfter(index, killedAfter);
          try {
            new IndexSync(store, killed, null, commitEvery).catchUpAndCommit();
          } catch (IllegalStateException e) {
            assertEquals("killed", e.getMessage());
          }
          long now = index.committedOffset();
          assertTrue(now > committed, "restart " + restarts + " committed nothing past " + committed);
          committed = now;
        } // closing rolls back what was not committed, as a kill would lose it
        restarts++;
      }
      try (LuceneIndex index = LuceneIndex.open(dir.resolve("index"), analyzers)) {
        var s = index.acquire();
        try {
          assertEquals(versions, s.getIndexReader().numDocs());
        } finally {
          index.release(s);
        }
      }
    }
  }
}
