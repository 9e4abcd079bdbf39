package org.bayan.http.web;

import java.util.ArrayList;
import java.util.List;

/** A word-level diff of two texts as HTML with {@code <del>} and {@code <ins>}, every word escaped. */
final class WordDiff {
  /** Beyond this many word pairs the table would be too big for a page; the page says so instead. */
  static final long MAX_CELLS = 4_000_000;

  private WordDiff() {}

  /** The diff, or null when the texts are too long to compare here. */
  static String html(String before, String after) {
    List<String> a = words(before), b = words(after);
    if ((long) a.size() * b.size() > MAX_CELLS) return null;
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    StringBuilder out = new StringBuilder();
    int i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        out.append(Html.esc(a.get(i++)));
        j++;
      } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
        out.append("<ins>").append(Html.esc(b.get(j++))).append("</ins>");
      } else {
        out.append("<del>").append(Html.esc(a.get(i++))).append("</del>");
      }
    }
    return out.toString().replace("</del><del>", "").replace("</ins><ins>", "");
  }

  /** Words with their following spaces, so that joining them gives back the text. */
  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    if (s == null) return out;
    var m = java.util.regex.Pattern.compile("\\S+\\s*|\\s+").matcher(s);
    while (m.find()) out.add(m.group());
    return out;
  }
}
