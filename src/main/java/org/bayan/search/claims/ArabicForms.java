package org.bayan.search.claims;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The forms of an Arabic word with and without its attached conjunction, preposition and article: the same
 * word as a claim and a statement may write it (وزارة, الوزارة, والوزارة, بالوزارة). Letters are stripped
 * only while at least three remain, so short words keep their first letter.
 */
final class ArabicForms {
  private static final int MIN_CORE = 3;

  private ArabicForms() {}

  /** Other surface forms of {@code word} (not including it), each to be analyzed by the Arabic chain. */
  static List<String> variants(String word) {
    String w = word;
    // و or ف, then ب ك ل before the article, then the article (ل+ال is written لل).
    if (w.length() - 1 >= MIN_CORE + 2 && (w.charAt(0) == 'و' || w.charAt(0) == 'ف')) w = w.substring(1);
    if (w.startsWith("لل") && w.length() - 2 >= MIN_CORE) {
      w = w.substring(2);
    } else if (w.length() >= 3 && "بكل".indexOf(w.charAt(0)) >= 0 && w.startsWith("ال", 1)
        && w.length() - 3 >= MIN_CORE) {
      w = w.substring(3);
    } else if (w.startsWith("ال") && w.length() - 2 >= MIN_CORE) {
      w = w.substring(2);
    }
    Set<String> out = new LinkedHashSet<>();
    out.add(w);
    out.add("ال" + w);
    out.remove(word);
    return List.copyOf(out);
  }
}
