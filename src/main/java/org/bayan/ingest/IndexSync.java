package org.bayan.ingest;

import java.util.ArrayList;
import java.util.List;
import org.bayan.index.LuceneIndex;
import org.bayan.statement.StatementVersion;
import org.bayan.store.ReleaseStore;

/**
 * Brings the index up to date with the store: applies every version stored after the offset the index
 * already reflects. The single path by which the index learns of releases, whether at start-up after a
 * crash, after an indexer run, or while a server follows what another process appends.
 */
public final class IndexSync {
  private static final int BATCH = 2_000;
  private final ReleaseStore store;
  private final LuceneIndex index;

  public IndexSync(ReleaseStore store, LuceneIndex index) {
    this.store = store;
    this.index = index;
  }

  /** Applies what is new in the store (including other processes' appends). Returns how many versions. */
  public synchronized int catchUp() {
    store.refresh();
    long from = index.appliedOffset();
    if (from >= store.endOffset()) return 0;
    List<StatementVersion> batch = new ArrayList<>(BATCH);
    int[] count = {0};
    long to = store.scan(from, v -> {
      batch.add(v);
      count[0]++;
      if (batch.size() >= BATCH) {
        index.apply(batch);
        batch.clear();
      }
    });
    index.apply(batch);
    index.setAppliedOffset(to);
    return count[0];
  }

  /** Catches up and makes the result visible to searches; returns how many versions were applied. */
  public synchronized int publish() {
    int n = catchUp();
    if (n > 0) index.refresh();
    return n;
  }

  /**
   * Catches up, then commits so the work need not be replayed, and makes it visible: at start-up after a
   * crash, the replayed releases must be searchable before anything new arrives.
   */
  public synchronized int catchUpAndCommit() {
    int n = catchUp();
    if (n > 0 || index.committedOffset() != index.appliedOffset()) index.commit(index.appliedOffset());
    if (n > 0) index.refresh();
    return n;
  }
}
