package org.bayan.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.search.Hit;
import org.bayan.search.SearchRequest;
import org.bayan.search.SearchService;
import org.bayan.statement.Release;
import org.bayan.statement.StatementVersion;
import org.junit.jupiter.api.Test;

/**
 * Building the index again from the same versions gives the same index: every document at the same number,
 * so equally scored hits (ties are broken by document number) and pages come back the same, whatever the
 * analyzing threads did.
 */
class SecondBuildTest {
  @Test
  void a_second_build_of_the_same_versions_numbers_and_ranks_every_statement_the_same() throws Exception {
    List<StatementVersion> versions = versions();
    try (AnalyzerRegistry analyzers = AnalyzerRegistry.load(Path.of("analyzers"));
        LuceneIndex first = build(analyzers, versions);
        LuceneIndex second = build(analyzers, versions)) {
      assertEquals(ids(first), ids(second));
      SearchService a = new SearchService(first, x -> Optional.empty());
      SearchService b = new SearchService(second, x -> Optional.empty());
      for (String q : List.of("ministry health", "budget", "\"health ministry\"", "وزارة الصحة", "الصح*", "qatar")) {
        List<Hit> ha = a.search(SearchRequest.of(q, 50)).hits();
        List<Hit> hb = b.search(SearchRequest.of(q, 50)).hits();
        assertTrue(!ha.isEmpty(), q);
        assertEquals(ha.stream().map(h -> h.id() + " " + h.score()).toList(),
            hb.stream().map(h -> h.id() + " " + h.score()).toList(), q);
      }
    }
  }

  // Several batches, each long enough to be analyzed on several threads; statements made of few words, so many
  // score the same; some statements given again as a later version.
  private static List<StatementVersion> versions() {
    String[] en = {"ministry", "health", "budget", "qatar", "the", "report", "approved", "denied"};
    String[] ar = {"وزارة", "الصحة", "الميزانية", "قطر", "في", "تقرير", "أعلنت", "نفت"};
    Random random = new Random(7);
    List<StatementVersion> out = new ArrayList<>();
    for (int i = 0; i < 900; i++) {
      boolean arabic = i % 2 == 0;
      String[] pool = arabic ? ar : en;
      StringBuilder body = new StringBuilder();
      for (int w = 2 + random.nextInt(4); w > 0; w--) body.append(pool[random.nextInt(pool.length)]).append(' ');
      int statement = i < 700 ? i : random.nextInt(700);
      int version = i < 700 ? 1 : 2;
      Release r = new Release("s-" + statement, "moh", pool[random.nextInt(pool.length)], body.toString().strip(),
          arabic ? "ar" : "en", "2024-05-01", null, null, null, null, null);
      out.add(new StatementVersion(i + 1, r, version, "h" + i, Instant.EPOCH));
    }
    return out;
  }

  private static LuceneIndex build(AnalyzerRegistry analyzers, List<StatementVersion> versions) throws Exception {
    LuceneIndex index = LuceneIndex.inMemory(analyzers);
    for (int from = 0; from < versions.size(); from += 300) {
      index.apply(versions.subList(from, Math.min(versions.size(), from + 300)));
      index.refresh();
    }
    return index;
  }

  /** The statement id at each document number, deleted documents included. */
  private static List<String> ids(LuceneIndex index) throws Exception {
    IndexSearcher s = index.acquire();
    try {
      List<String> out = new ArrayList<>();
      StoredFields stored = s.storedFields();
      for (int doc = 0; doc < s.getIndexReader().maxDoc(); doc++) out.add(stored.document(doc).get(Fields.ID));
      return out;
    } finally {
      index.release(s);
    }
  }
}
