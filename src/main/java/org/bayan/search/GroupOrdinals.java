package org.bayan.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;
import org.bayan.index.Fields;

/**
 * Duplicate groups numbered across the whole index (global ordinals of the group doc values), one numbering per
 * point-in-time reader, built on first use and dropped when the reader closes. Counting distinct groups by
 * number needs no group names: looking a name up by ordinal decodes a compressed block of the terms dictionary,
 * and doing that for each of up to 10,000 matches was most of a search's time (BENCHMARKS.md, 2026-12-04).
 */
final class GroupOrdinals {
  private final Map<IndexReader.CacheKey, Numbering> byReader = new ConcurrentHashMap<>();

  /** How one reader's segments number their groups. */
  record Numbering(OrdinalMap map, long count) {
    /** Segment {@code leaf}'s group ordinals to index-wide numbers. */
    LongValues of(LeafReaderContext leaf) {
      return map == null ? LongValues.IDENTITY : map.getGlobalOrds(leaf.ord);
    }
  }

  Numbering of(IndexReader reader) {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) return build(reader, null);
    IndexReader.CacheKey key = helper.getKey();
    Numbering n = byReader.get(key);
    if (n != null) return n;
    n = byReader.computeIfAbsent(key, k -> build(reader, k));
    helper.addClosedListener(byReader::remove);
    return n;
  }

  private static Numbering build(IndexReader reader, IndexReader.CacheKey key) {
    List<LeafReaderContext> leaves = reader.leaves();
    try {
      SortedDocValues[] values = new SortedDocValues[leaves.size()];
      for (int i = 0; i < values.length; i++) values[i] = DocValues.getSorted(leaves.get(i).reader(), Fields.DUP_GROUP);
      if (values.length == 1) return new Numbering(null, values[0].getValueCount());
      OrdinalMap map = OrdinalMap.build(key, values, PackedInts.DEFAULT);
      return new Numbering(map, map.getValueCount());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
