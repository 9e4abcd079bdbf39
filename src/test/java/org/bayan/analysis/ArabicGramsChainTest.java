package org.bayan.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.bayan.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden tokens of the trigram chain ({@code analyzers/arabic_grams.json}): it normalizes like the exact chain,
 * drops stop words, and cuts each word into overlapping three-letter pieces, so words no stemmer joins still
 * share most of their pieces.
 */
class ArabicGramsChainTest {
  static AnalyzerRegistry registry;
  static Analyzer grams;

  @BeforeAll
  static void load() {
    registry = AnalyzerRegistry.load(Fixtures.analyzers());
    grams = registry.get("arabic_grams");
  }

  @AfterAll
  static void close() {
    registry.close();
  }

  @Test
  void a_word_becomes_its_overlapping_trigrams_after_normalization() {
    // أ → ا and ة → ه first, as in the exact chain
    assertEquals(List.of("اعل", "علا", "لان"), Tokens.of(grams, "إعلان"));
    assertEquals(List.of("حكو", "كوم", "ومه"), Tokens.of(grams, "حكومة"));
  }

  @Test
  void words_shorter_than_three_letters_and_stop_words_give_nothing() {
    assertEquals(List.of(), Tokens.of(grams, "في من إلى التي قد"));
    assertEquals(List.of(), Tokens.of(grams, "فى ماهي"));
  }

  @Test
  void digits_are_folded_and_split_before_cutting() {
    assertEquals(List.of("202", "024"), Tokens.of(grams, "٢٠٢٤م"));
  }

  @Test
  void spellings_and_patterns_the_stemmer_keeps_apart_share_most_pieces() {
    Analyzer stems = registry.get("arabic");
    // A name and its adjective share three trigrams (their stems are joined too since a final ا after four
    // letters is taken for tanween alef: أميركا and الأميركية both give اميرك).
    assertEquals(3, shared("الأميركية", "أميركا"));
    // A verb and its masdar: يستقر / استقرار.
    assertTrue(!Tokens.of(stems, "يستقر").equals(Tokens.of(stems, "استقرار")));
    assertEquals(2, shared("يستقر", "استقرار"));
    // A broken plural shares less (دول / دولة one piece): why trigrams rank and never decide a match.
    assertEquals(1, shared("دول", "دولة"));
  }

  private static int shared(String a, String b) {
    Set<String> x = new HashSet<>(Tokens.of(grams, a));
    x.retainAll(new HashSet<>(Tokens.of(grams, b)));
    return x.size();
  }

  @Test
  void english_twin_joins_what_the_porter_stemmer_leaves_apart() {
    Analyzer english = registry.get("english");
    Analyzer en = registry.get("english_grams");
    assertTrue(!Tokens.of(english, "Qatari").equals(Tokens.of(english, "Qatar")));
    assertEquals(List.of("qat", "ata", "tar"), Tokens.of(en, "the Qatar"));
    assertTrue(Tokens.of(en, "Qatari").containsAll(Tokens.of(en, "Qatar")));
  }
}
