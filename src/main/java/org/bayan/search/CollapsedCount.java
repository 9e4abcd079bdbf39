package org.bayan.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
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
import org.apache.lucene.util.BytesRef;
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

  CollapsedCount(int limit) {
    this.limit = limit;
  }

  /** The same count over the given hits only (every match, when a first pass collected them all). */
  static Result over(IndexSearcher searcher, ScoreDoc[] hits, int limit) throws IOException {
    int[] docs = Arrays.stream(hits).mapToInt(h -> h.doc).sorted().distinct().toArray();
    CollapsedCount manager = new CollapsedCount(limit);
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
    return new Counter(limit);
  }

  @Override
  public Result reduce(Collection<Counter> counters) {
    Set<BytesRef> groups = new HashSet<>();
    long ungrouped = 0;
    for (Counter c : counters) {
      groups.addAll(c.groups);
      ungrouped += c.ungrouped;
    }
    // A counter stops on reaching the limit, so reaching it says nothing of what was left uncounted.
    long n = groups.size() + ungrouped;
    return new Result(Math.min(n, limit), n < limit);
  }

  static final class Counter implements Collector {
    private final int limit;
    final Set<BytesRef> groups = new HashSet<>();
    long ungrouped;

    Counter(int limit) {
      this.limit = limit;
    }

    long count() {
      return groups.size() + ungrouped;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext ctx) throws IOException {
      if (count() >= limit) throw new CollectionTerminatedException();
      SortedDocValues dv = DocValues.getSorted(ctx.reader(), Fields.DUP_GROUP);
      // A group is looked up once per segment; its name is what tells it apart across segments.
      FixedBitSet seen = new FixedBitSet(Math.max(1, dv.getValueCount()));
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          if (dv.advanceExact(doc)) {
            int ord = dv.ordValue();
            if (!seen.getAndSet(ord)) groups.add(BytesRef.deepCopyOf(dv.lookupOrd(ord)));
          } else {
            ungrouped++;
          }
          if (count() >= limit) throw new CollectionTerminatedException();
        }
      };
    }
  }
}
