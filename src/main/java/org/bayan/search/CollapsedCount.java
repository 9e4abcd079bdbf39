package org.bayan.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.FixedBitSet;
import org.bayan.index.Fields;

/**
 * The number of hits a result list can page through: matches with each duplicate group counted once (a page
 * shows a group's best hit and lists the others beside it). Counting stops at {@code limit}: past it the count
 * is a lower bound, and stopping keeps a query matching most of the collection from visiting every match.
 */
final class CollapsedCount implements CollectorManager<CollapsedCount.Counter, CollapsedCount.Result> {
  /**
   * @param count hits after collapsing duplicates, at most the limit
   * @param exact false when counting stopped at the limit: there are at least {@code count}
   */
  record Result(long count, boolean exact) {}

  private final int limit;
  private final GroupOrdinals.Numbering groups;

  /** @param groups how the searched reader numbers its duplicate groups */
  CollapsedCount(int limit, GroupOrdinals.Numbering groups) {
    this.limit = limit;
    this.groups = groups;
  }

  /** The same count over the given hits only (every match, when a first pass collected them all). */
  static Result over(IndexSearcher searcher, ScoreDoc[] hits, int limit, GroupOrdinals.Numbering groups)
      throws IOException {
    int[] docs = Arrays.stream(hits).mapToInt(h -> h.doc).sorted().distinct().toArray();
    CollapsedCount manager = new CollapsedCount(limit, groups);
    Counter counter = manager.newCollector();
    int i = 0;
    try {
      for (LeafReaderContext ctx : searcher.getIndexReader().leaves()) {
        int end = ctx.docBase + ctx.reader().maxDoc();
        if (i >= docs.length || docs[i] >= end) continue;
        LeafCollector leaf = counter.getLeafCollector(ctx);
        while (i < docs.length && docs[i] < end) leaf.collect(docs[i++] - ctx.docBase);
      }
    } catch (CollectionTerminatedException e) {
      // the limit is reached
    }
    return manager.reduce(List.of(counter));
  }

  @Override
  public Counter newCollector() {
    return new Counter(limit, groups);
  }

  @Override
  public Result reduce(Collection<Counter> counters) {
    long n;
    if (counters.size() == 1) {
      n = counters.iterator().next().count();
    } else {
      FixedBitSet all = new FixedBitSet(bits(groups));
      long ungrouped = 0;
      for (Counter c : counters) {
        all.or(c.seen);
        ungrouped += c.ungrouped;
      }
      n = all.cardinality() + ungrouped;
    }
    // A counter stops on reaching the limit, so reaching it says nothing of what was left uncounted.
    return new Result(Math.min(n, limit), n < limit);
  }

  private static int bits(GroupOrdinals.Numbering groups) {
    return (int) Math.max(1, groups.count());
  }

  static final class Counter implements Collector {
    private final int limit;
    private final GroupOrdinals.Numbering numbering;
    final FixedBitSet seen;
    long distinct;
    long ungrouped;

    Counter(int limit, GroupOrdinals.Numbering numbering) {
      this.limit = limit;
      this.numbering = numbering;
      this.seen = new FixedBitSet(bits(numbering));
    }

    long count() {
      return distinct + ungrouped;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext ctx) throws IOException {
      if (count() >= limit) throw new CollectionTerminatedException();
      SortedDocValues dv = DocValues.getSorted(ctx.reader(), Fields.DUP_GROUP);
      LongValues number = numbering.of(ctx);
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          if (dv.advanceExact(doc)) {
            if (!seen.getAndSet((int) number.get(dv.ordValue()))) distinct++;
          } else {
            ungrouped++;
          }
          if (count() >= limit) throw new CollectionTerminatedException();
        }
      };
    }
  }
}
