package org.bayan.search.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden sentence splits: the text of each sentence, and that the ranges point into the original. */
class SentenceSplitterTest {

  private static List<String> sentences(String text) {
    return SentenceSplitter.split(text).stream().map(s -> s.of(text)).toList();
  }

  @Test
  void arabic_full_stops_question_marks_exclamations_semicolons_and_line_breaks() {
    String t = "نفت وزارة الداخلية ما تم تداوله. وأكدت أن الطرق مفتوحة؟ نعم! وأضافت؛ لا تغيير\nبلاغ ثان";
    assertEquals(List.of("نفت وزارة الداخلية ما تم تداوله.", "وأكدت أن الطرق مفتوحة؟", "نعم!", "وأضافت؛",
        "لا تغيير", "بلاغ ثان"), sentences(t));
  }

  @Test
  void a_comma_does_not_end_a_sentence_of_ordinary_length() {
    String t = "نفى وزير النقل، أنيس غديرة اليوم، الترفيع في أسعار تذاكر النقل العمومي.";
    assertEquals(List.of(t), sentences(t));
  }

  @Test
  void a_long_sentence_is_cut_at_its_commas() {
    String clause = "وأكدت الوزارة أن البرنامج يشمل العائلات متوسطة الدخل في كل الولايات";
    String t = String.join("، ", java.util.Collections.nCopies(12, clause)) + ".";
    List<SentenceSplitter.Span> spans = SentenceSplitter.split(t);
    assertTrue(spans.size() > 1, spans.toString());
    for (SentenceSplitter.Span s : spans) {
      assertTrue(s.end() - s.start() <= SentenceSplitter.LONG, s.toString());
      assertTrue(s.of(t).startsWith("وأكدت"), s.of(t));
    }
    assertEquals(0, spans.getFirst().start());
    assertEquals(t.length(), spans.getLast().end());
  }

  @Test
  void decimals_initials_closing_quotes_and_ellipses() {
    String t = "ارتفع النمو إلى 3.5 بالمئة. Congresswoman Anna G. Eshoo said \"no.\" Then... more ؟! done";
    assertEquals(List.of("ارتفع النمو إلى 3.5 بالمئة.", "Congresswoman Anna G. Eshoo said \"no.\"", "Then...",
        "more ؟!", "done"), sentences(t));
  }

  @Test
  void ranges_are_trimmed_and_point_into_the_original_text() {
    String t = "  أولا.   ثانيا  \n\n  ثالثا ";
    List<SentenceSplitter.Span> spans = SentenceSplitter.split(t);
    assertEquals(List.of(new SentenceSplitter.Span(2, 7), new SentenceSplitter.Span(10, 15),
        new SentenceSplitter.Span(21, 26)), spans);
    assertEquals(List.of(), SentenceSplitter.split(""));
    assertEquals(List.of(), SentenceSplitter.split(" \n "));
  }
}
