package org.bayan.analysis;

import java.text.Normalizer;

/**
 * Letter folding the stock Arabic normalizer leaves out, applied to a term in place. Every rule maps one
 * char to at most one char, except presentation-form ligatures, which NFKC expands (ﻻ → لا).
 *
 * <ul>
 *   <li>presentation forms (U+FB50–FDFF, U+FE70–FEFF) → their letters, by NFKC on that term only;
 *   <li>alef wasla ٱ and the rarer alef variants ٲ ٳ ٵ → ا;
 *   <li>hamza on waw ؤ and on yeh ئ → ء, so مسؤول and مسئول (both in use) become one word;
 *   <li>Persian and Urdu letters typed on Persian keyboards: ک ڪ → ك, ی ې → ي, ە ۀ ہ → ه, ۃ → ة;
 *   <li>Quranic and extended marks the stock normalizer keeps (U+0610–061A, U+0653–065F, superscript alef
 *       U+0670, U+06D6–06ED), zero-width joiners, and the harakat and tatweel (so this filter is complete
 *       on its own).
 * </ul>
 */
public final class ArabicFolding {
  private ArabicFolding() {}

  /** Folds {@code s[0..len)} in place; returns the new length. May need a larger buffer: see {@link #needsNfkc}. */
  public static int fold(char[] s, int len) {
    int out = 0;
    for (int i = 0; i < len; i++) {
      char c = s[i];
      char m = map(c);
      if (m != 0) s[out++] = m;
    }
    return out;
  }

  /** Whether the term holds presentation forms, which need NFKC (and may grow) before {@link #fold}. */
  public static boolean needsNfkc(char[] s, int len) {
    for (int i = 0; i < len; i++) {
      char c = s[i];
      if ((c >= '\uFB50' && c <= '\uFDFF') || (c >= '\uFE70' && c <= '\uFEFF')) return true;
    }
    return false;
  }

  public static String nfkc(char[] s, int len) {
    return Normalizer.normalize(new String(s, 0, len), Normalizer.Form.NFKC);
  }

  /** The folded char, or 0 to drop it. */
  static char map(char c) {
    if (c < '\u0610') return c;
    return switch (c) {
      case '\u0671', '\u0672', '\u0673', '\u0675' -> '\u0627';
      case '\u0624', '\u0626' -> '\u0621';
      case '\u06A9', '\u06AA' -> '\u0643';
      case '\u06CC', '\u06D0' -> '\u064A';
      case '\u06D5', '\u06C0', '\u06C1' -> '\u0647';
      case '\u06C3' -> '\u0629';
      case '\u0640', '\u0670', '\u200C', '\u200D' -> 0;
      default -> (c <= '\u061A') || (c >= '\u064B' && c <= '\u065F') || (c >= '\u06D6' && c <= '\u06ED') ? 0 : c;
    };
  }
}
