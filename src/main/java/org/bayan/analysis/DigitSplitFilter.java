package org.bayan.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Splits a token where digits meet letters: Unicode word rules keep {@code ٢٠٢٤م} (2024 + م for ميلادي) or
 * {@code 5G} as one token, so a search for 2024 would miss it. Each part becomes its own token at the next
 * position. When the token's text has the length of its span in the original (no char filter changed it),
 * each part gets its exact offsets; otherwise each part gets the whole token's offsets. Digits inside a
 * number (2.5, 1,000) were already kept together by the tokenizer and are not split.
 */
public final class DigitSplitFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);

  private char[] pending = new char[0];
  private int pendingLen;
  private int next; // start of the next part in pending; -1 when there is none
  private int startOffset;
  private boolean exactOffsets;
  private int wholeEnd;

  public DigitSplitFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (next >= 0 && next < pendingLen) {
      emit(false);
      return true;
    }
    if (!input.incrementToken()) return false;
    char[] b = term.buffer();
    int len = term.length();
    if (!mixed(b, len)) return true;
    if (pending.length < len) pending = new char[len];
    System.arraycopy(b, 0, pending, 0, len);
    pendingLen = len;
    startOffset = offset.startOffset();
    wholeEnd = offset.endOffset();
    exactOffsets = wholeEnd - startOffset == len;
    next = 0;
    emit(true);
    return true;
  }

  private void emit(boolean first) {
    int from = next;
    boolean digit = Character.isDigit(pending[from]);
    int to = from + 1;
    while (to < pendingLen && isDigitPart(pending, to) == digit) to++;
    term.copyBuffer(pending, from, to - from);
    if (exactOffsets) offset.setOffset(startOffset + from, startOffset + to);
    else offset.setOffset(startOffset, wholeEnd);
    if (!first) posInc.setPositionIncrement(1);
    next = to;
  }

  private static boolean isDigitPart(char[] s, int i) {
    return Character.isDigit(s[i]);
  }

  private static boolean mixed(char[] s, int len) {
    boolean digit = false;
    boolean letter = false;
    for (int i = 0; i < len; i++) {
      char c = s[i];
      if (Character.isDigit(c)) digit = true;
      else if (Character.isLetter(c)) letter = true;
      else if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
      else return false; // 2.5, 1,000, 12:30 and other numbers with punctuation stay whole
    }
    return digit && letter;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    next = -1;
    pendingLen = 0;
  }
}
