package org.bayan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.index.LuceneIndex;
import org.bayan.statement.Release;
import org.bayan.statement.StatementVersion;
import org.junit.jupiter.api.Test;

/** Trigrams scored on the first pass's best hits give those hits the scores and order of the whole query. */
class GramsRescoreTest {
  static final String[] BODIES = {
    "أعلنت وزارة الصحة عن حملة تطعيم جديدة ضد الإنفلونزا في المدارس",
    "الوزارة تنفي ما تداولته مواقع عن تأجيل حملة التطعيم",
    "وزير الصحة يستقبل وفدا من منظمة الصحة العالمية",
    "استقرار أسعار الدواء وتوفر اللقاحات في الصيدليات",
    "الحكومة تقر خطة لدعم المستشفيات الحكومية والمراكز الصحية",
    "حملات التطعيم تصل إلى القرى النائية بحسب الوزارة",
    "The ministry of health announced a vaccination campaign",
    "وزارة الداخلية تعلن خطة مرورية جديدة",
  };

  @Test
  void the_first_page_has_the_whole_querys_hits_scores_and_order() throws Exception {
    try (AnalyzerRegistry analyzers = AnalyzerRegistry.load(Path.of("analyzers"));
        LuceneIndex index = LuceneIndex.inMemory(analyzers)) {
      List<StatementVersion> versions = new ArrayList<>();
      for (int i = 0; i < BODIES.length; i++) {
        Release r = new Release("r" + i, "moh", "بيان " + i, BODIES[i], BODIES[i].charAt(0) < 128 ? "en" : "ar",
            "2024-05-0" + (1 + i % 9), null, null, null, null, null);
        versions.add(new StatementVersion(i + 1, r, 1, "h" + i, Instant.EPOCH));
      }
      index.apply(versions);
      index.refresh();
      KeywordQueries queries = new KeywordQueries(index.analyzer());
      for (String q : List.of("حملة التطعيم التي أعلنتها وزارة الصحة في المدارس", "وزارة الصحة", "استقرار الأسعار")) {
        Query whole = queries.freeText(q);
        GramsRescore twoPass = GramsRescore.of(whole);
        assertNotNull(twoPass.grams(), q);
        IndexSearcher s = index.acquire();
        try {
          TopDocs expected = s.search(whole, new TopScoreDocCollectorManager(10, null, 10));
          TopDocs got = twoPass.rescore(s, s.search(twoPass.words(), new TopScoreDocCollectorManager(10, null, 10)), 10);
          assertEquals(expected.scoreDocs.length, got.scoreDocs.length, q);
          for (int i = 0; i < expected.scoreDocs.length; i++) {
            ScoreDoc e = expected.scoreDocs[i];
            ScoreDoc g = got.scoreDocs[i];
            assertEquals(e.doc, g.doc, q + " at rank " + (i + 1));
            assertEquals(e.score, g.score, 1e-4f * e.score, q + " at rank " + (i + 1));
          }
        } finally {
          index.release(s);
        }
      }
    }
  }
}
