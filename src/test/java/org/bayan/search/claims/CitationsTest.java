package org.bayan.search.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.bayan.statement.Agency;
import org.junit.jupiter.api.Test;

/** The citation people paste: quotes that never nest, the day not a timestamp, Bayan's link and the agency's. */
class CitationsTest {
  private static final String HASH = "ab".repeat(32);
  private static final Agency MOI = new Agency("moi", "وزارة الداخلية", "Ministry of Interior", "ministry",
      "https://moi.example.gov");

  @Test
  void titles_with_any_quotation_marks_are_quoted_without_nesting_the_same_marks() {
    Random rnd = new Random(18);
    String alphabet = "ab ت \"«»“”„";
    for (int n = 0; n < 2_000; n++) {
      StringBuilder t = new StringBuilder();
      for (int i = 0, len = 1 + rnd.nextInt(20); i < len; i++) t.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      if (t.toString().isBlank()) continue;
      String ar = Citations.quote(t.toString(), "ar");
      assertTrue(ar.startsWith("«") && ar.endsWith("»"), ar);
      String arInner = ar.substring(1, ar.length() - 1);
      assertFalse(arInner.contains("«") || arInner.contains("»") || arInner.contains("\""), t + " → " + ar);
      String en = Citations.quote(t.toString(), "en");
      assertTrue(en.startsWith("“") && en.endsWith("”"), en);
      String enInner = en.substring(1, en.length() - 1);
      assertFalse(enInner.contains("“") || enInner.contains("”") || enInner.contains("\""), t + " → " + en);
    }
    assertEquals("«الحكومة تطرح مشروع قانون “من أين لك هذا؟”»", Citations.quote("الحكومة تطرح مشروع قانون \"من أين لك هذا؟\"", "ar"));
    assertEquals("«بيان بشأن “الإضراب”»", Citations.quote("بيان بشأن «الإضراب»", "ar"));
    assertEquals("“Statement on the ‘border wall’ vote”", Citations.quote("Statement on the \"border wall\" vote", "en"));
  }

  @Test
  void the_citation_gives_the_day_bayans_permalink_the_hash_and_the_agencys_source() {
    for (String published : List.of("2024-05-01", "2024-05-01T10:00:00+03:00", "2024-05-01T23:30:00-05:00")) {
      String ar = Citations.text(MOI, "moi", "وزارة الداخلية تنفي \"إغلاق\" الطرق", published,
          "https://bayan.example/s/moi-1", HASH, "https://moi.example.gov/news/1", "ar");
      assertEquals("وزارة الداخلية، «وزارة الداخلية تنفي “إغلاق” الطرق»، 2024-05-01. https://bayan.example/s/moi-1 (SHA-256 "
          + HASH + ")، المصدر: https://moi.example.gov/news/1", ar);
      String en = Citations.text(MOI, "moi", "Ministry \"denies\" closures", published,
          "https://bayan.example/s/moi-1", HASH, "https://moi.example.gov/news/1", "en");
      assertEquals("Ministry of Interior, “Ministry ‘denies’ closures,” 2024-05-01. https://bayan.example/s/moi-1 (SHA-256 "
          + HASH + "). Source: https://moi.example.gov/news/1", en);
    }
    String untitled = Citations.text(null, "moi", null, "2024-05-01", "https://bayan.example/s/moi-1", HASH, null, "en");
    assertEquals("moi, 2024-05-01. https://bayan.example/s/moi-1 (SHA-256 " + HASH + ")", untitled);
  }
}
