package org.bayan.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.bayan.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The declared Arabic chain folds the spelling variants a writer types interchangeably: each pair must give
 * identical tokens, so either spelling finds the other. Stated as equivalences so they hold whatever
 * stemmer the chain uses.
 */
class ArabicChainTest {
  static AnalyzerRegistry registry;
  static Analyzer arabic;

  @BeforeAll
  static void load() {
    registry = AnalyzerRegistry.load(Fixtures.analyzers());
    arabic = registry.get("arabic");
  }

  @AfterAll
  static void close() {
    registry.close();
  }

  private static void same(String typed, String stored) {
    assertEquals(Tokens.of(arabic, stored), Tokens.of(arabic, typed), typed + " should analyze like " + stored);
    assertTrue(!Tokens.of(arabic, stored).isEmpty(), stored + " gives no token");
  }

  @Test
  void hamza_forms_of_alef_fold_to_bare_alef() {
    same("أحمد", "احمد");
    same("إعلان", "اعلان");
    same("آمال", "امال");
  }

  @Test
  void alef_maqsura_and_yeh_match() {
    same("مستشفى", "مستشفي");
  }

  @Test
  void teh_marbuta_and_heh_match() {
    same("الحكومه", "الحكومة");
  }

  @Test
  void diacritics_are_ignored() {
    same("الحُكُومَةُ", "الحكومة");
    same("وَزِيرٌ", "وزير");
  }

  @Test
  void tatweel_is_ignored() {
    same("الحكـــومة", "الحكومة");
  }

  @Test
  void arabic_indic_and_persian_digits_become_ascii() {
    assertEquals(List.of("2024"), Tokens.of(arabic, "٢٠٢٤"));
    assertEquals(List.of("2024"), Tokens.of(arabic, "۲۰۲۴"));
  }

  @Test
  void latin_words_inside_arabic_are_kept_lower_cased() {
    List<String> t = Tokens.of(arabic, "أعلنت شركة Google عن");
    assertTrue(t.contains("google"), t.toString());
  }

  @Test
  void offsets_point_into_the_original_text() {
    // كِتَاب is six chars with its harakat; the token must still cover all of them.
    String text = "كِتَاب";
    List<String> t = Tokens.withOffsets(arabic, text);
    assertEquals(1, t.size());
    assertTrue(t.getFirst().endsWith("[0,6]"), t.toString());
  }

  @Test
  void stop_words_are_dropped_in_every_hamza_spelling() {
    assertTrue(Tokens.of(arabic, "في").isEmpty());
    assertEquals(Tokens.of(arabic, "إلى"), Tokens.of(arabic, "الى"));
  }
}
