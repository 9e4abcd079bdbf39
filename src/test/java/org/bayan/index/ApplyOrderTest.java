package org.bayan.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.search.Hit;
import org.bayan.search.SearchRequest;
import org.bayan.search.SearchResponse;
import org.bayan.search.SearchService;
import org.bayan.statement.Release;
import org.bayan.statement.StatementVersion;
import org.junit.jupiter.api.Test;

/**
 * A batch large enough to be analyzed on several threads is still indexed in the order given: equally scored
 * hits come back in that order, and a statement with several versions in the batch ends at its last one.
 */
class ApplyOrderTest {
  @Test
  void equallyScoredHitsKeepTheOrderVersionsWereGivenIn() throws Exception {
    int statements = 300;
    int versions = 3;
    try (AnalyzerRegistry analyzers = AnalyzerRegistry.load(Path.of("analyzers"));
        LuceneIndex index = LuceneIndex.inMemory(analyzers)) {
      List<StatementVersion> batch = new ArrayList<>();
      long seq = 1;
      for (int v = 1; v <= versions; v++) {
        for (int s = 0; s < statements; s++) {
          // the same length and words, one number apart: every statement scores the same for "notice"
          Release r = new Release("s-" + s, "moh", "notice", "notice number " + (1000 + s) + " version" + v, "en",
              "2024-05-01", null, null, null, null, null);
          batch.add(new StatementVersion(seq++, r, v, "h" + v, Instant.EPOCH));
        }
      }
      index.apply(batch);
      index.refresh();
      SearchService search = new SearchService(index, a -> Optional.empty());
      SearchResponse r = search.search(SearchRequest.of("notice", 100));
      assertEquals(statements, r.total(), "one document per statement");
      List<String> expected = new ArrayList<>();
      for (int s = 0; s < 100; s++) expected.add("s-" + s);
      assertEquals(expected, r.hits().stream().map(Hit::id).toList());
      r.hits().forEach(h -> assertEquals(versions, h.version(), h.id()));
      assertEquals(0, search.search(SearchRequest.of("version1", 10)).total());
    }
  }
}
