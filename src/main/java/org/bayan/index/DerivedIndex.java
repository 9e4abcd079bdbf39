package org.bayan.index;

import java.util.Collection;
import org.bayan.statement.StatementVersion;

/**
 * A search index derived from the release store: the embedded Lucene index or an OpenSearch index. Either is
 * rebuilt from the store, and records the store offset it covers, so {@code ingest.IndexSync} can bring it up
 * to date the same way whatever holds it.
 */
public interface DerivedIndex {
  /** Indexes each version as the current state of its statement (replacing any earlier version). */
  void apply(Collection<StatementVersion> versions);

  /** Records that the index now reflects the store up to {@code storeOffset}; durable once it returns. */
  void commit(long storeOffset);

  /** The store offset covered by the last commit (0 for a new index). */
  long committedOffset();

  /** The store offset applied (maybe not yet committed). */
  long appliedOffset();

  void setAppliedOffset(long offset);

  /** Makes changes applied so far visible to new searches. */
  void refresh();

  /** Starts a rebuild from the store: the current content stays searchable until the next commit. */
  void deleteAll();

  /**
   * Reopens an index whose writer failed at its last commit, so that the store is replayed from
   * {@link #appliedOffset()}; returns whether it did. An index that needs no such step returns false.
   */
  default boolean recover() {
    return false;
  }

  /**
   * Whether a commit may now cover part of a replay, so a long replay can commit as it goes: not while a
   * rebuild that readers only switch to at commit is under way.
   */
  default boolean mayCommitPartWay() {
    return true;
  }
}
