package org.bayan.search.claims;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a statement's text into sentences, as character ranges into the original text (so evidence can be
 * highlighted where it stands). A sentence ends after {@code . ؟ ? ! ؛ ;} (with any closing quotes or
 * brackets that follow) and at every line break. A full stop between two digits (3.5) or after a single
 * Latin letter (the "G." of an initial) does not end one; an ellipsis ends one once.
 *
 * <p>The Arabic comma {@code ،} (and {@code ,}) is a comma, not a full stop: Arabic news prose often runs
 * a whole paragraph as one sentence joined by commas and و, so a sentence is split at its commas only when
 * it is longer than {@link #LONG} characters, into pieces as close to that length as the commas allow.
 * Evidence then stays readable without cutting ordinary sentences in the middle of a clause.
 */
public final class SentenceSplitter {
  /** A sentence longer than this is split at its commas. */
  public static final int LONG = 300;

  /** A sentence: {@code [start, end)} into the text, trimmed of surrounding spaces. */
  public record Span(int start, int end) {
    public String of(String text) {
      return text.substring(start, end);
    }
  }

  private SentenceSplitter() {}

  public static List<Span> split(String text) {
    List<Span> out = new ArrayList<>();
    if (text == null || text.isEmpty()) return out;
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u2029' || c == '\u2028') {
        add(text, start, i, out);
        start = i + 1;
      } else if (isTerminator(text, i)) {
        int end = i + 1;
        while (end < n && (isTerminatorChar(text.charAt(end)) || isCloser(text.charAt(end)))) end++;
        add(text, start, end, out);
        start = end;
        i = end - 1;
      }
    }
    add(text, start, n, out);
    return out;
  }

  private static boolean isTerminatorChar(char c) {
    return c == '.' || c == '؟' || c == '?' || c == '!' || c == '؛' || c == ';' || c == '…' || c == '۔';
  }

  private static boolean isCloser(char c) {
    return c == '"' || c == '\'' || c == '»' || c == '”' || c == '’' || c == ')' || c == ']' || c == '）';
  }

  private static boolean isTerminator(String t, int i) {
    char c = t.charAt(i);
    if (!isTerminatorChar(c)) return false;
    if (c == '.') {
      boolean digitBefore = i > 0 && Character.isDigit(t.charAt(i - 1));
      boolean digitAfter = i + 1 < t.length() && Character.isDigit(t.charAt(i + 1));
      if (digitBefore && digitAfter) return false;
      // An initial: a single Latin letter preceded by a space or the start ("Anna G. Eshoo").
      if (i > 0 && isLatinLetter(t.charAt(i - 1)) && (i == 1 || !Character.isLetter(t.charAt(i - 2)))
          && i + 1 < t.length() && t.charAt(i + 1) == ' ') {
        return false;
      }
      // Not followed by a space or the end: a URL, a file name, an abbreviation such as "U.S".
      if (i + 1 < t.length() && Character.isLetterOrDigit(t.charAt(i + 1))) return false;
    }
    return true;
  }

  private static boolean isLatinLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static void add(String text, int from, int to, List<Span> out) {
    while (from < to && Character.isWhitespace(text.charAt(from))) from++;
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) to--;
    if (from >= to) return;
    if (to - from <= LONG) {
      out.add(new Span(from, to));
      return;
    }
    splitAtCommas(text, from, to, out);
  }

  /** Greedy: each piece ends at the last comma before it would exceed {@link #LONG}, else at the next one. */
  private static void splitAtCommas(String text, int from, int to, List<Span> out) {
    int start = from;
    while (to - start > LONG) {
      int cut = -1;
      for (int i = start; i < to; i++) {
        char c = text.charAt(i);
        if (c == '،' || c == ',') {
          if (i - start + 1 <= LONG || cut < 0) cut = i + 1;
          if (i - start + 1 > LONG) break;
        }
      }
      if (cut < 0 || cut >= to) break;
      int end = cut;
      int s = start;
      while (s < end && Character.isWhitespace(text.charAt(s))) s++;
      if (s < end) out.add(new Span(s, end));
      start = end;
    }
    while (start < to && Character.isWhitespace(text.charAt(start))) start++;
    if (start < to) out.add(new Span(start, to));
  }
}
