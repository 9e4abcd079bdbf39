package org.bayan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WordDiffTest {
  private static String render(List<WordDiff.Op> ops) {
    return ops.stream().map(o -> o.op().charAt(0) + "[" + o.text() + "]").collect(Collectors.joining(" "));
  }

  @Test
  void reports_changed_words_between_shared_ones() {
    assertEquals("e[أعلنت الوزارة] i[اليوم] e[عن خطة] d[قديمة]",
        render(WordDiff.diff("أعلنت الوزارة عن خطة قديمة", "أعلنت الوزارة اليوم عن خطة")));
    assertEquals("e[a b c]", render(WordDiff.diff("a  b\nc", "a b c")));
    assertEquals("i[new text]", render(WordDiff.diff("", "new text")));
    assertEquals("", render(WordDiff.diff("", " ")));
  }

  @Test
  void applying_the_ops_rebuilds_both_texts_and_the_equal_part_is_a_longest_common_subsequence() {
    Random rnd = new Random(42);
    for (int t = 0; t < 300; t++) {
      String a = randomText(rnd);
      String b = randomText(rnd);
      List<WordDiff.Op> ops = WordDiff.diff(a, b);
      assertEquals(norm(a), join(ops, "insert"));
      assertEquals(norm(b), join(ops, "delete"));
      int equal = ops.stream().filter(o -> o.op().equals("equal")).mapToInt(o -> o.text().split(" ").length).sum();
      assertEquals(lcs(a.split(" "), b.split(" ")), equal, a + " | " + b);
    }
  }

  private static String randomText(Random rnd) {
    StringBuilder s = new StringBuilder();
    int n = 1 + rnd.nextInt(12);
    for (int i = 0; i < n; i++) s.append(i == 0 ? "" : " ").append((char) ('a' + rnd.nextInt(4)));
    return s.toString();
  }

  private static String norm(String s) {
    return String.join(" ", s.strip().split("\\s+"));
  }

  private static String join(List<WordDiff.Op> ops, String skip) {
    return ops.stream().filter(o -> !o.op().equals(skip)).map(WordDiff.Op::text).collect(Collectors.joining(" "));
  }

  private static int lcs(String[] a, String[] b) {
    int[][] m = new int[a.length + 1][b.length + 1];
    for (int i = 1; i <= a.length; i++) {
      for (int j = 1; j <= b.length; j++) {
        m[i][j] = a[i - 1].equals(b[j - 1]) ? m[i - 1][j - 1] + 1 : Math.max(m[i - 1][j], m[i][j - 1]);
      }
    }
    return m[a.length][b.length];
  }
}
