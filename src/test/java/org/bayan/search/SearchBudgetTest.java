package org.bayan.search;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.index.LuceneIndex;
import org.bayan.statement.Release;
import org.bayan.statement.StatementVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search time budget bounds the whole answer, not only the first collection pass, and a partial answer
 * stays consistent. Work is measured as the searching thread's CPU time, which other processes on the machine
 * do not inflate (a budget on wall time only makes a loaded machine do less).
 */
class SearchBudgetTest {
  static final int DOCS = 3_000;
  static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  static AnalyzerRegistry analyzers;
  static LuceneIndex index;
  static List<String> common = new ArrayList<>();

  @BeforeAll
  static void build() throws Exception {
    analyzers = AnalyzerRegistry.load(Path.of("analyzers"));
    index = LuceneIndex.inMemory(analyzers);
    Random random = new Random(17);
    for (int i = 0; i < 300; i++) common.add(word(random, 5 + random.nextInt(4)));
    List<StatementVersion> batch = new ArrayList<>();
    for (int i = 0; i < DOCS; i++) {
      StringBuilder body = new StringBuilder();
      for (int w = 0; w < 150; w++) {
        body.append(w % 3 == 0 ? word(random, 6 + random.nextInt(5)) : common.get(random.nextInt(common.size()))).append(' ');
        if (w % 15 == 14) body.append(". ");
      }
      Release r = new Release("d-" + i, "moh", common.get(i % common.size()) + " " + common.get((i * 7) % common.size()),
          body.toString(), "en", "2020-01-01", null, null, "statement", null, null);
      batch.add(new StatementVersion(i + 1, r, 1, "h" + i, Instant.EPOCH));
      // Several segments, as a real index has.
      if (batch.size() == 500) {
        index.apply(batch);
        index.commit(i);
        batch.clear();
      }
    }
    index.apply(batch);
    index.commit(DOCS);
    index.refresh();
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
    analyzers.close();
  }

  static String word(Random random, int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) b.append((char) ('a' + random.nextInt(26)));
    return b.toString();
  }

  /** A long query of common words: many matches, every stage has work. */
  static String manyMatches() {
    return String.join(" ", common.subList(0, 60));
  }

  /** A long query of misspelled words: no matches, so spelling correction would be looked for. */
  static String noMatches() {
    List<String> out = new ArrayList<>();
    for (String w : common.subList(100, 160)) out.add(w.substring(0, 2) + "q" + w.substring(3));
    return String.join(" ", out);
  }

  record Run(SearchResponse response, long cpuMs) {}

  static Run run(SearchService search, String q) {
    long cpu = THREADS.getCurrentThreadCpuTime();
    SearchResponse r = search.search(SearchRequest.of(q, 10), true);
    return new Run(r, (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000);
  }

  static long leastCpu(SearchService search, String q) {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) least = Math.min(least, run(search, q).cpuMs());
    return least;
  }

  @Test
  void a_search_over_its_budget_stops_every_stage_and_answers_partial() {
    SearchService unbounded = new SearchService(index, a -> Optional.empty());
    SearchService budgeted = new SearchService(index, a -> Optional.empty(), 5);
    for (String q : List.of(manyMatches(), noMatches())) {
      for (int i = 0; i < 3; i++) run(unbounded, q); // warm up
      long full = leastCpu(unbounded, q);
      long cut = Long.MAX_VALUE;
      SearchResponse partial = null;
      for (int i = 0; i < 3; i++) {
        Run r = run(budgeted, q);
        cut = Math.min(cut, r.cpuMs());
        // Only a search that needs several times the budget must be cut (a very fast machine may finish one).
        if (full >= 20) assertTrue(r.response().partial(), "a " + full + " ms search answered complete within 5 ms");
        partial = r.response();
      }
      // Generous: a stage that started before the deadline (rescoring, highlighting) runs to its end, and
      // each pass stops within a check interval of it; far from the whole search.
      assertTrue(cut <= Math.max(40, full / 2), "5 ms budget: " + cut + " ms of CPU; unbounded: " + full + " ms (" + q.length() + " chars)");
      if (partial.partial()) {
        assertNull(partial.didYouMean(), "a cut search looked for a spelling correction");
        assertTrue(partial.facets() == null || partial.facetsApproximate(), "facets of a cut search were given as exact");
      }
      System.out.println("search budget 5 ms: " + cut + " ms of CPU, unbounded " + full + " ms");
    }
  }

  @Test
  void a_partial_answer_never_counts_fewer_matches_than_the_hits_it_shows() {
    List<String> seen = new ArrayList<>();
    for (long budget : new long[] {0, 1, 2, 3, 5, 8, 13, 21, 34}) {
      SearchService search = new SearchService(index, a -> Optional.empty(), budget);
      for (String q : List.of(manyMatches(), String.join(" ", common.subList(0, 3)), common.get(5) + "*")) {
        for (int page = 1; page <= 2; page++) {
          SearchResponse r = search.search(new SearchRequest(q, null, null, null, null, null, null, null,
              SortOrder.RELEVANCE, page, 10, null), true);
          long shown = (long) (page - 1) * 10 + r.hits().size();
          if (!r.hits().isEmpty()) {
            assertTrue(r.total() >= shown, "budget " + budget + " ms, page " + page + ": total " + r.total() + " beside "
                + r.hits().size() + " hits (partial " + r.partial() + ")");
          }
          if (r.partial()) {
            assertNull(r.didYouMean());
            assertTrue(r.facets() == null || r.facetsApproximate());
          }
          seen.add(budget + ":" + r.partial() + ":" + r.hits().size());
        }
      }
    }
    System.out.println("budget sweep (budget:partial:hits): " + seen);
  }
}
