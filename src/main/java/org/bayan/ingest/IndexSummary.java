package org.bayan.ingest;

import java.util.List;
import java.util.Locale;

/** What an indexer run did; {@code rejections} lists the first 1,000 (every one is in the quarantine). */
public record IndexSummary(
    long added, long updated, long unchanged, long rejected, double seconds, List<Rejection> rejections,
    boolean indexedByServer) {

  public long accepted() {
    return added + updated + unchanged;
  }

  public double docsPerSecond() {
    return seconds > 0 ? (added + updated + unchanged + rejected) / seconds : 0;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "%,d added, %,d updated, %,d unchanged, %,d rejected in %.1f s (%,.0f docs/s)",
        added, updated, unchanged, rejected, seconds, docsPerSecond());
  }
}
