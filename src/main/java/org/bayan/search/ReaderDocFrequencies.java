package org.bayan.search;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * Document frequencies remembered per point-in-time reader. Choosing a query's rarest trigrams ({@link
 * GramsQuery}) looks up each of its hundred-odd trigrams in every segment, and the same trigrams come back
 * search after search: the lookups were 8.6% of a loaded server's CPU. A reader's frequencies never change, so
 * they are kept until that reader closes (a refresh opens a new reader, which starts with none), up to
 * {@link #MAX_TERMS} terms per reader, past which further terms are looked up each time.
 */
final class ReaderDocFrequencies {
  /** Terms remembered per reader: about 100 bytes each, so a few megabytes at most. */
  static final int MAX_TERMS = 50_000;

  private final Map<IndexReader.CacheKey, Map<Term, Integer>> byReader = new ConcurrentHashMap<>();

  /** The statistics of {@code reader}, remembering the frequencies it is asked for. */
  DocFrequencies of(IndexReader reader) {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) return DocFrequencies.of(reader); // a reader that cannot say when it closes
    Map<Term, Integer> known = byReader.computeIfAbsent(helper.getKey(), key -> {
      helper.addClosedListener(byReader::remove);
      return new ConcurrentHashMap<>();
    });
    DocFrequencies lookup = DocFrequencies.of(reader);
    return new DocFrequencies() {
      @Override
      public int numDocs() {
        return lookup.numDocs();
      }

      @Override
      public Map<Term, Integer> docFreqs(Collection<Term> terms) {
        List<Term> unknown = terms.stream().filter(t -> !known.containsKey(t)).toList();
        Map<Term, Integer> found = unknown.isEmpty() ? Map.of() : lookup.docFreqs(unknown);
        for (Map.Entry<Term, Integer> e : found.entrySet()) {
          if (known.size() < MAX_TERMS) known.put(e.getKey(), e.getValue());
        }
        Map<Term, Integer> out = new LinkedHashMap<>();
        for (Term t : terms) out.put(t, found.containsKey(t) ? found.get(t) : known.get(t));
        return out;
      }
    };
  }

  /** Readers with frequencies remembered (those not closed yet). */
  int readers() {
    return byReader.size();
  }
}
