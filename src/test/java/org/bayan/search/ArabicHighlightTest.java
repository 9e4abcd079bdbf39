package org.bayan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.index.LuceneIndex;
import org.bayan.statement.Release;
import org.bayan.statement.StatementVersion;
import org.junit.jupiter.api.Test;

/** A match found through normalization or stemming is highlighted where it is written, as written. */
class ArabicHighlightTest {

  private static SearchResponse search(String q, String body) throws Exception {
    try (AnalyzerRegistry analyzers = AnalyzerRegistry.load(Path.of("analyzers"));
        LuceneIndex index = LuceneIndex.inMemory(analyzers)) {
      Release r = new Release("r1", "moh", "بيان صحفي", body, "ar", "2024-05-01", null, null, null, null, null);
      index.apply(List.of(new StatementVersion(1, r, 1, "h", Instant.EPOCH)));
      index.refresh();
      return new SearchService(index, a -> Optional.empty())
          .search(SearchRequest.of(q, 10));
    }
  }

  @Test
  void taa_marbuta_typed_as_heh_highlights_the_word_as_written() throws Exception {
    SearchResponse res = search("الحكومه", "أعلنت الحكومة اليوم خطة جديدة.");
    assertEquals(1, res.total());
    assertTrue(res.hits().get(0).snippet().contains("<mark>الحكومة</mark>"), res.hits().get(0).snippet());
  }

  @Test
  void a_word_without_the_article_highlights_it_with_the_article() throws Exception {
    SearchResponse res = search("وزارة", "قالت الوزارة إن الخطة بدأت.");
    assertEquals(1, res.total());
    assertTrue(res.hits().get(0).snippet().contains("<mark>الوزارة</mark>"), res.hits().get(0).snippet());
  }

  @Test
  void typed_stop_words_are_not_marked_but_the_words_around_them_are() throws Exception {
    SearchResponse res = search("خطة وزارة الصحة في المدينة",
        "أعلنت وزارة الصحة في المدينة خطة جديدة للتطعيم في المدارس وفي المساجد.");
    String snippet = res.hits().get(0).snippet();
    assertTrue(snippet.contains("<mark>الصحة</mark>") && snippet.contains("<mark>المدينة</mark>"), snippet);
    assertFalse(snippet.contains("<mark>في</mark>"), snippet);
    // Inside a phrase the stop word is part of what matched.
    String phrase = search("\"الصحة في المدينة\"", "أعلنت وزارة الصحة في المدينة خطة جديدة.").hits().get(0).snippet();
    assertTrue(phrase.contains("<mark>الصحة في المدينة</mark>"), phrase);
  }

  @Test
  void free_text_path_reads_query_syntax_characters_as_plain_text() throws Exception {
    // Topics and pasted text go through the free-text path: "-(الصحة)" is the word الصحة, not an exclusion.
    try (AnalyzerRegistry analyzers = AnalyzerRegistry.load(Path.of("analyzers"));
        LuceneIndex index = LuceneIndex.inMemory(analyzers)) {
      Release r = new Release("r1", "moh", "بيان صحفي", "قالت وزارة الصحة إن الخطة بدأت.", "ar", "2024-05-01",
          null, null, null, null, null);
      index.apply(List.of(new StatementVersion(1, r, 1, "h", Instant.EPOCH)));
      index.refresh();
      assertEquals(List.of("r1"), new SearchService(index, a -> Optional.empty())
          .rankedIds(SearchRequest.of("\"وزارة\" -(الصحة) AND: [", 10), 10));
    }
  }
}
