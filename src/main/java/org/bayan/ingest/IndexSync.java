package org.bayan.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.bayan.index.LuceneIndex;
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
  private final ReleaseStore store;
  private final LuceneIndex index;
  private final TransparencyLog log; // null: this process does not keep the log

  public IndexSync(ReleaseStore store, LuceneIndex index) {
    this(store, index, null);
  }

  public IndexSync(ReleaseStore store, LuceneIndex index, TransparencyLog log) {
    this.store = store;
    this.index = index;
    this.log = log;
  }

  /** The log entry of a stored version. */
  public static LogEntry entryOf(StatementVersion v) {
    return LogEntry.of(v, SignatureStatus.of(v.release()));
  }

  /**
   * Applies what is new in the store (including other processes' appends) and makes it searchable. Returns
   * how many versions the index applied.
   */
  public synchronized int catchUp() {
    return catchUp(true);
  }

  /**
   * Applies what is new in the store without opening a new searcher: for a bulk run, where nobody searches
   * until it ends, so the index writes fewer, larger segments (each refresh would flush a small one).
   */
  public synchronized int applyPending() {
    return catchUp(false);
  }

  private int catchUp(boolean searchable) {
    store.refresh();
    if (log != null) catchUpLog();
    long from = index.appliedOffset();
    if (from >= store.endOffset()) {
      if (searchable) index.refresh(); // what applyPending left unsearchable
      return 0;
    }
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
    if (searchable) index.refresh();
    return count[0];
  }

  /** Catches up, then commits so the work need not be replayed. */
  public synchronized int catchUpAndCommit() {
    int n = catchUp();
    if (n > 0 || index.committedOffset() != index.appliedOffset()) index.commit(index.appliedOffset());
    return n;
  }

  // Appends the stored versions the log lacks, scanning from the first of them (not from the index's offset,
  // which may be ahead after a crash between the two, or behind after a reindex).
  private void catchUpLog() {
    long stored = store.lastSeq();
    long have = log.size();
    if (have > stored) {
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
