package org.bayan.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.bayan.index.DerivedIndex;
import org.bayan.provenance.LogEntry;
import org.bayan.provenance.TransparencyLog;
import org.bayan.statement.SignatureStatus;
import org.bayan.statement.StatementVersion;
import org.bayan.store.ReleaseStore;

/**
 * Brings derived data up to date with the store: first the transparency log, then the index. The single
 * path by which either learns of releases, whether at start-up after a crash, after an indexer run, or while
 * a server follows what another process appends.
 *
 * <p>The log follows the store exactly: log entry {@code i} is the store version with seq {@code i + 1}, its
 * entry derived from the stored version alone ({@link #entryOf}). Catching up appends the versions with a
 * seq above {@code log.size()}, in seq order, durably, before the index applies them; so a replay after a
 * crash never duplicates an entry, and whatever is searchable is already in the log.
 */
public final class IndexSync {
  private static final int BATCH = 2_000;
  /**
   * A replay that commits ({@link #catchUpAndCommit}) commits every this many versions, so a process killed
   * during a long replay (a restart after a crash, a reindex) starts the next time from further on.
   */
  static final int REPLAY_COMMIT_EVERY = 10_000;
  private final ReleaseStore store;
  private final DerivedIndex index;
  private final TransparencyLog log; // null: this process does not keep the log
  private final int replayCommitEvery;

  public IndexSync(ReleaseStore store, DerivedIndex index) {
    this(store, index, null);
  }

  public IndexSync(ReleaseStore store, DerivedIndex index, TransparencyLog log) {
    this(store, index, log, REPLAY_COMMIT_EVERY);
  }

  IndexSync(ReleaseStore store, DerivedIndex index, TransparencyLog log, int replayCommitEvery) {
    this.store = store;
    this.index = index;
    this.log = log;
    this.replayCommitEvery = replayCommitEvery;
  }

  /** The log entry of a stored version. */
  public static LogEntry entryOf(StatementVersion v) {
    return LogEntry.of(v, SignatureStatus.of(v.release()));
  }

  /**
   * Applies what is new in the store (including other processes' appends) to the log and the index, and
   * makes it searchable. Returns how many versions the index applied.
   */
  public int catchUp() {
    return shielded(() -> doCatchUp(true, false));
  }

  /**
   * Applies what is new in the store without opening a new searcher: for a bulk run, where nobody searches
   * until it ends, so the index writes fewer, larger segments (each refresh would flush a small one).
   */
  public int applyPending() {
    return shielded(() -> doCatchUp(false, false));
  }

  private int doCatchUp() {
    return doCatchUp(true, true);
  }

  // With commitPartWay, a long replay is committed every replayCommitEvery versions as it goes.
  private synchronized int doCatchUp(boolean searchable, boolean commitPartWay) {
    // An index whose writer failed reopens at its last commit first: the replay below starts from there.
    index.recover();
    store.refresh();
    if (log != null) catchUpLog();
    long from = index.appliedOffset();
    if (from >= store.endOffset()) {
      if (searchable) index.refresh(); // what applyPending left unsearchable
      return 0;
    }
    boolean steps = commitPartWay && index.mayCommitPartWay();
    List<StatementVersion> batch = new ArrayList<>(BATCH);
    int[] count = {0};
    int[] sinceCommit = {0};
    long to = store.scan(from, v -> {
      batch.add(v);
      count[0]++;
      sinceCommit[0]++;
      boolean commit = steps && sinceCommit[0] >= replayCommitEvery;
      if (batch.size() >= BATCH || commit) {
        index.apply(batch);
        batch.clear();
      }
      if (commit) {
        long next = store.offsetOfSeq(v.seq() + 1);
        index.setAppliedOffset(next);
        index.commit(next);
        sinceCommit[0] = 0;
      }
    });
    index.apply(batch);
    index.setAppliedOffset(to);
    if (searchable) index.refresh();
    return count[0];
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
        return n;
      }
    });
  }

  /**
   * Catches up, commits (even with nothing new, so there is a commit to pin) and pins that commit for a
   * backup; release it with {@link LuceneIndex#releaseSnapshot}.
   */
  public org.apache.lucene.index.IndexCommit catchUpCommitAndSnapshot() {
    org.apache.lucene.index.IndexCommit[] out = new org.apache.lucene.index.IndexCommit[1];
    shielded(() -> {
      synchronized (this) {
        int n = doCatchUp();
        index.commit(index.appliedOffset());
        try {
          if (!(index instanceof org.bayan.index.LuceneIndex lucene)) {
            throw new IllegalStateException("snapshots pin an embedded index commit; an OpenSearch index has its own");
          }
          out[0] = lucene.snapshot();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException("cannot pin the index commit", e);
        }
        return n;
      }
    });
    return out[0];
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

  // Appends the stored versions the log lacks, scanning from the first of them (not from the index's offset,
  // which may be ahead after a crash between the two, or behind after a reindex).
  private void catchUpLog() {
    long stored = store.lastSeq();
    long have = log.size();
    if (have > stored) {
      long tail = store.unreadTailBytes();
      if (tail > 0) {
        // The log proves those versions were acknowledged: the unreadable end of the store held them.
        throw new IllegalStateException("the release store " + store.file() + " is damaged at its end: its last "
            + tail + " bytes (from offset " + store.endOffset() + ") are not a readable record, while the "
            + "transparency log holds " + have + " entries, " + (have - stored) + " more than the store's " + stored
            + " versions; restore the data folder from a snapshot (bayan restore), or repair the store's last "
            + "record, before starting again");
      }
      throw new IllegalStateException("the transparency log has " + have + " entries but the store only "
          + stored + " versions: the log belongs to another store");
    }
    if (have == stored) return;
    List<LogEntry> batch = new ArrayList<>(BATCH);
    long[] next = {have + 1};
    store.scan(store.offsetOfSeq(have + 1), v -> {
      if (v.seq() < next[0]) return;
      if (v.seq() != next[0]) {
        throw new IllegalStateException("store version seq " + v.seq() + " follows seq " + (next[0] - 1));
      }
      batch.add(entryOf(v));
      next[0]++;
      if (batch.size() >= BATCH) flush(batch);
    });
    flush(batch);
  }

  private void flush(List<LogEntry> batch) {
    if (batch.isEmpty()) return;
    try {
      log.appendAll(batch);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the transparency log", e);
    }
    batch.clear();
  }
}
