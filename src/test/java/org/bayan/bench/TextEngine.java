package org.bayan.bench;

import java.util.List;

/** A comparator engine: indexes {@link BenchDoc}s, answers a free-text query with the best ids. */
interface TextEngine extends AutoCloseable {
  void add(BenchDoc doc) throws Exception;

  /** Makes everything added searchable (commit, build indexes). */
  void finish() throws Exception;

  /** Ids, best first, at most {@code n}. Safe to call from many threads at once. */
  List<String> search(String query, int n) throws Exception;

  /** Bytes the index takes on disk. */
  long sizeBytes() throws Exception;

  @Override
  void close() throws Exception;

  /** The words of free text, for engines whose query syntax must not see the user's punctuation. */
  static List<String> words(String q) {
    return java.util.Arrays.stream(q.split("[^\\p{L}\\p{N}\\p{M}]+")).filter(w -> !w.isEmpty()).toList();
  }

  static boolean isArabic(String q) {
    return BenchDoc.arabicShare(q) > 0.3;
  }
}
