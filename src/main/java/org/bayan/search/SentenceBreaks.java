package org.bayan.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Sentence boundaries for passage highlighting: a sentence starts at the first non-space character after a
 * line break, or after a full stop, question or exclamation mark (Latin or Arabic, possibly followed by a
 * closing quote or bracket) and a space. A full stop inside a number or a word ("3.5", "e.g") is no boundary.
 *
 * <p>It replaces the JDK's rule-based sentence iterator, which the highlighter asks for the boundaries around
 * every match of every hit: the rule engine walked a long body a character at a time through a
 * {@link CharacterIterator} and was a quarter of a search. This one looks at the text around the offset it is
 * asked about, in a plain string, and its rules are the ones that matter for news prose in both languages.
 */
final class SentenceBreaks extends BreakIterator {
  private String text = "";
  private CharacterIterator iterator = new StringCharacterIterator("");
  private int current;

  @Override
  public void setText(String newText) {
    text = newText;
    iterator = new StringCharacterIterator(newText);
    current = 0;
  }

  @Override
  public void setText(CharacterIterator newText) {
    StringBuilder sb = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
    for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) sb.append(c);
    setText(sb.toString());
  }

  @Override
  public CharacterIterator getText() {
    return iterator;
  }

  @Override
  public int first() {
    return current = 0;
  }

  @Override
  public int last() {
    return current = text.length();
  }

  @Override
  public int current() {
    return current;
  }

  @Override
  public int next() {
    if (current >= text.length()) return DONE;
    return current = after(current);
  }

  @Override
  public int next(int n) {
    int r = current;
    for (int i = 0; i < n && r != DONE; i++) r = next();
    for (int i = 0; i > n && r != DONE; i--) r = previous();
    return r;
  }

  @Override
  public int previous() {
    if (current <= 0) return DONE;
    return current = before(current);
  }

  @Override
  public int following(int offset) {
    check(offset);
    if (offset >= text.length()) {
      current = text.length();
      return DONE;
    }
    return current = after(offset);
  }

  @Override
  public int preceding(int offset) {
    check(offset);
    if (offset <= 0) {
      current = 0;
      return DONE;
    }
    return current = before(offset);
  }

  @Override
  public boolean isBoundary(int offset) {
    check(offset);
    return offset == 0 || offset == text.length() || isBreak(offset);
  }

  @Override
  public Object clone() {
    SentenceBreaks c = new SentenceBreaks();
    c.setText(text);
    c.current = current;
    return c;
  }

  private void check(int offset) {
    if (offset < 0 || offset > text.length()) {
      throw new IllegalArgumentException("offset " + offset + " is outside 0.." + text.length());
    }
  }

  // The first boundary after `offset` (the end of the text when there is none).
  private int after(int offset) {
    for (int p = offset + 1; p < text.length(); p++) {
      if (isBreak(p)) return p;
    }
    return text.length();
  }

  // The last boundary before `offset` (the start of the text when there is none).
  private int before(int offset) {
    for (int p = Math.min(offset, text.length()) - 1; p > 0; p--) {
      if (isBreak(p)) return p;
    }
    return 0;
  }

  private boolean isBreak(int p) {
    if (p <= 0 || p >= text.length() || isSpace(text.charAt(p)) || !isSpace(text.charAt(p - 1))) return false;
    int q = p - 1;
    while (q >= 0 && isSpace(text.charAt(q))) {
      if (isLineBreak(text.charAt(q))) return true;
      q--;
    }
    while (q >= 0 && isCloser(text.charAt(q))) q--;
    return q >= 0 && isTerminator(text.charAt(q));
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u00A0';
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
  }

  private static boolean isTerminator(char c) {
    return c == '.' || c == '!' || c == '?' || c == '\u061F' || c == '\u06D4' || c == '\u2026';
  }

  private static boolean isCloser(char c) {
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u00BB' || c == '\u201D' || c == '\u2019';
  }
}
