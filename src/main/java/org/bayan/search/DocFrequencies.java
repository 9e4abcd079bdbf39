package org.bayan.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * Index-wide term statistics, for weighing a word by how rare it is and telling a misspelling from a word the
 * statements use. Asked for many terms at once: a cluster answers them in one round trip.
 */
public interface DocFrequencies {
  /** Statements searchable. */
  int numDocs();

  /** For each term, how many statements hold it (0 when none does). */
  Map<Term, Integer> docFreqs(Collection<Term> terms);

  /** The statistics of one Lucene index (document frequencies count deleted documents until merged away). */
  static DocFrequencies of(IndexReader reader) {
    return new DocFrequencies() {
      @Override
      public int numDocs() {
        return reader.numDocs();
      }

      @Override
      public Map<Term, Integer> docFreqs(Collection<Term> terms) {
        Map<Term, Integer> out = new LinkedHashMap<>();
        try {
          for (Term t : terms) out.put(t, reader.docFreq(t));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return out;
      }
    };
  }
}
