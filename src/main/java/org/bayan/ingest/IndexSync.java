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
  public int catchUp() {
    return shielded(this::doCatchUp);
  }

  private synchronized int doCatchUp() {
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
  public int publish() {
    return shielded(() -> {
      synchronized (this) {
        int n = doCatchUp();
        if (n > 0) index.refresh();
        return n;
      }
    });
  }

  /**
   * Catches up, then commits so the work need not be replayed, and makes it visible: at start-up after a
   * crash, the replayed releases must be searchable before anything new arrives.
   */
  public int catchUpAndCommit() {
    return shielded(() -> {
      synchronized (this) {
        int n = doCatchUp();
        if (n > 0 || index.committedOffset() != index.appliedOffset()) index.commit(index.appliedOffset());
        if (n > 0) index.refresh();
        return n;
      }
    });
  }

  /**
   * Runs index work on a thread of its own and waits for it without giving way to interrupts. Lucene's file
   * channels close when the thread using them is interrupted, which invalidates the index's write lock and
   * closes the IndexWriter; callers get interrupted (a server thread when its client goes away, a scheduler
   * shutting down), so their interrupt must never reach the index.
   */
  private static int shielded(java.util.function.IntSupplier work) {
    java.util.concurrent.CompletableFuture<Integer> result = new java.util.concurrent.CompletableFuture<>();
    Thread.ofPlatform().name("bayan-index-sync").start(() -> {
      try {
        result.complete(work.getAsInt());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    });
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return result.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (java.util.concurrent.ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) throw r;
          if (e.getCause() instanceof Error err) throw err;
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }
}
