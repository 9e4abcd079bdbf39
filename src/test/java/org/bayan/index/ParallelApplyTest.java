package org.bayan.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.search.SearchRequest;
import org.bayan.search.SearchResponse;
import org.bayan.search.SearchService;
import org.bayan.statement.Release;
import org.bayan.statement.StatementVersion;
import org.junit.jupiter.api.Test;

/** A batch written on two threads ends with the newest version of every statement, once each. */
class ParallelApplyTest {
  @Test
  void everyStatementEndsAtItsLastVersionInTheBatch() throws Exception {
    int statements = 150;
    int versions = 4;
    try (AnalyzerRegistry analyzers = AnalyzerRegistry.load(Path.of("analyzers"));
        LuceneIndex index = LuceneIndex.inMemory(analyzers)) {
      List<StatementVersion> batch = new ArrayList<>();
      long seq = 1;
      for (int v = 1; v <= versions; v++) {
        for (int s = 0; s < statements; s++) {
          Release r = new Release("s-" + s, "moh", "notice " + s, "version" + v + " of statement " + s, "en",
              "2024-05-01", null, null, null, null, null);
          batch.add(new StatementVersion(seq++, r, v, "h" + v, Instant.EPOCH));
        }
      }
      index.apply(batch);
      index.refresh();
      SearchService search = new SearchService(index, a -> Optional.empty());
      SearchResponse all = search.search(SearchRequest.of("statement", 100));
      assertEquals(statements, all.total(), "one document per statement");
      assertEquals(statements, search.search(SearchRequest.of("version" + versions, 100)).total());
      assertEquals(0, search.search(SearchRequest.of("version1", 100)).total());
      all.hits().forEach(h -> assertEquals(versions, h.version(), h.id()));
    }
  }
}
