package org.bayan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.index.Fields;
import org.bayan.index.LuceneIndex;
import org.bayan.statement.Release;
import org.bayan.statement.StatementVersion;
import org.junit.jupiter.api.Test;

/**
 * Remembered document frequencies belong to one point-in-time reader: a statement indexed and refreshed
 * changes the frequency the next search sees, and a reader's frequencies are dropped when it closes.
 */
class ReaderDocFrequenciesTest {
  private static StatementVersion version(long seq, String agency, String body) {
    return new StatementVersion(seq, new Release("s-" + seq, agency, "notice " + seq, body, "en", "2024-05-01",
        null, null, null, null, null), 1, "h" + seq, Instant.EPOCH);
  }

  @Test
  void a_refresh_shows_the_new_frequency_and_the_old_reader_is_forgotten() throws Exception {
    Term moh = new Term(Fields.AGENCY, "moh");
    Term absent = new Term(Fields.AGENCY, "mof");
    ReaderDocFrequencies frequencies = new ReaderDocFrequencies();
    try (AnalyzerRegistry analyzers = AnalyzerRegistry.load(Path.of("analyzers"));
        LuceneIndex index = LuceneIndex.inMemory(analyzers)) {
      index.apply(List.of(version(1, "moh", "water for every district")));
      index.refresh();
      IndexSearcher first = index.acquire();
      try {
        Map<Term, Integer> seen = frequencies.of(first.getIndexReader()).docFreqs(List.of(moh, absent));
        assertEquals(Map.of(moh, 1, absent, 0), seen);
        // asked again of the same reader: the same answer, from memory
        assertEquals(seen, frequencies.of(first.getIndexReader()).docFreqs(List.of(moh, absent)));
        assertEquals(1, frequencies.readers());

        index.apply(List.of(version(2, "moh", "roads for every district"), version(3, "mof", "a budget")));
        index.refresh();
        IndexSearcher next = index.acquire();
        try {
          assertEquals(Map.of(moh, 2, absent, 1), frequencies.of(next.getIndexReader()).docFreqs(List.of(moh, absent)));
          assertEquals(Map.of(moh, 1, absent, 0), frequencies.of(first.getIndexReader()).docFreqs(List.of(moh, absent)),
              "a search still on the older reader keeps that reader's frequencies");
        } finally {
          index.release(next);
        }
      } finally {
        index.release(first); // the last holder of the replaced reader: it closes
      }
      assertEquals(1, frequencies.readers(), "the closed reader's frequencies are dropped");
    }
  }
}
