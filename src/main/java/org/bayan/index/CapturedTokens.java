package org.bayan.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;

/**
 * The tokens an analyzer made of one field's text, kept to be handed to the IndexWriter later as a token
 * stream. Analysis can then run on any thread while documents are still added on one, in store order: what
 * the index holds (terms, positions, offsets, and so norms) is what analyzing in the writer would have given.
 * Only what the writer reads of a token is kept: its text, position increment and offsets (the chains in
 * {@code analyzers/} make no payloads or term frequencies).
 */
final class CapturedTokens {
  private byte[] bytes = new byte[512];
  private int[] termEnds = new int[32];
  private int[] posIncs = new int[32];
  private int[] starts = new int[32];
  private int[] ends = new int[32];
  private int count;
  private int byteCount;
  private int finalOffset;
  private int finalPosInc;

  private CapturedTokens() {}

  static CapturedTokens of(Analyzer analyzer, String field, String text) {
    CapturedTokens c = new CapturedTokens();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        c.add(term, posInc.getPositionIncrement(), offset.startOffset(), offset.endOffset());
      }
      ts.end();
      c.finalOffset = offset.endOffset();
      c.finalPosInc = posInc.getPositionIncrement();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot analyze " + field, e);
    }
    return c;
  }

  // Terms are kept as the UTF-8 bytes the index stores, converted here rather than by the writing thread.
  private void add(CharSequence term, int posInc, int start, int end) {
    if (count == termEnds.length) {
      int n = count * 2;
      termEnds = Arrays.copyOf(termEnds, n);
      posIncs = Arrays.copyOf(posIncs, n);
      starts = Arrays.copyOf(starts, n);
      ends = Arrays.copyOf(ends, n);
    }
    int most = term.length() * UnicodeUtil.MAX_UTF8_BYTES_PER_CHAR;
    if (byteCount + most > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, byteCount + most));
    byteCount = UnicodeUtil.UTF16toUTF8(term, 0, term.length(), bytes, byteCount);
    termEnds[count] = byteCount;
    posIncs[count] = posInc;
    starts[count] = start;
    ends[count] = end;
    count++;
  }

  /** The tokens again, as the analyzer gave them (terms as bytes, which is all the writer reads of them). */
  TokenStream stream() {
    return new TokenStream() {
      private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);
      private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
      private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
      private final BytesRef current = new BytesRef(bytes, 0, 0);
      private int next;

      @Override
      public boolean incrementToken() {
        if (next >= count) return false;
        clearAttributes();
        current.offset = next == 0 ? 0 : termEnds[next - 1];
        current.length = termEnds[next] - current.offset;
        term.setBytesRef(current);
        posInc.setPositionIncrement(posIncs[next]);
        offset.setOffset(starts[next], ends[next]);
        next++;
        return true;
      }

      @Override
      public void end() throws IOException {
        super.end();
        offset.setOffset(finalOffset, finalOffset);
        posInc.setPositionIncrement(finalPosInc);
      }

      @Override
      public void reset() throws IOException {
        super.reset();
        next = 0;
      }
    };
  }
}
