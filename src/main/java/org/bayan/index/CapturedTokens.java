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
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
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
  /** Occurrences of each term once {@link #counted}; null while every occurrence is a token of its own. */
  private int[] freqs;
  /** Tokens that began a position (the rest overlap one): the length BM25 gives a field, its norm. */
  private int words;

  private CapturedTokens() {}

  /**
   * The tokens of a field indexed with frequencies only (no positions, no offsets), each distinct term once
   * with its number of occurrences: the writer then looks up and counts a trigram once per statement instead of
   * once per occurrence, and a trigram field's tokens are most of a statement's. Postings and frequencies are
   * what the tokens one by one give; the norm too, {@link Similarities} taking the field's length from
   * {@link #words} ({@link Replay#words}), which is what the writer would have counted (occurrences less those
   * that overlap a position).
   */
  static CapturedTokens counted(Analyzer analyzer, String field, String text) {
    CapturedTokens c = of(analyzer, field, text);
    c.countTerms();
    return c;
  }

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
    if (posInc > 0) words++;
    int most = term.length() * UnicodeUtil.MAX_UTF8_BYTES_PER_CHAR;
    if (byteCount + most > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, byteCount + most));
    byteCount = UnicodeUtil.UTF16toUTF8(term, 0, term.length(), bytes, byteCount);
    termEnds[count] = byteCount;
    posIncs[count] = posInc;
    starts[count] = start;
    ends[count] = end;
    count++;
  }

  // Folds repeated terms into the first occurrence of each, keeping that order, with open addressing over the
  // term bytes already captured.
  private void countTerms() {
    int size = Integer.highestOneBit(Math.max(4, count * 2 - 1)) << 1;
    int[] slots = new int[size]; // distinct term index + 1, 0 when free
    int[] counts = new int[count];
    int distinct = 0;
    int written = 0;
    for (int i = 0; i < count; i++) {
      int start = i == 0 ? 0 : termEnds[i - 1];
      int end = termEnds[i];
      int slot = hash(bytes, start, end) & (size - 1);
      while (true) {
        int d = slots[slot] - 1;
        if (d < 0) {
          System.arraycopy(bytes, start, bytes, written, end - start); // distinct terms never run ahead of i
          written += end - start;
          termEnds[distinct] = written;
          counts[distinct] = 1;
          slots[slot] = ++distinct;
          break;
        }
        int dStart = d == 0 ? 0 : termEnds[d - 1];
        if (java.util.Arrays.equals(bytes, dStart, termEnds[d], bytes, start, end)) {
          counts[d]++;
          break;
        }
        slot = (slot + 1) & (size - 1);
      }
    }
    count = distinct;
    byteCount = written;
    freqs = counts;
    java.util.Arrays.fill(posIncs, 0, count, 1);
    java.util.Arrays.fill(starts, 0, count, 0);
    java.util.Arrays.fill(ends, 0, count, 0);
  }

  private static int hash(byte[] b, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) h = 31 * h + b[i];
    return h ^ (h >>> 16);
  }

  /** The tokens again, as the analyzer gave them (terms as bytes, which is all the writer reads of them). */
  TokenStream stream() {
    return new Replay();
  }

  /** The tokens as a stream; {@link #words} is what {@link Similarities} reads of a counted field's. */
  final class Replay extends TokenStream {
    private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final TermFrequencyAttribute freq = freqs == null ? null : addAttribute(TermFrequencyAttribute.class);
    private final BytesRef current = new BytesRef(bytes, 0, 0);
    private int next;

    /** The length of a counted field as BM25 measures it (tokens less overlaps), or -1 for one token each. */
    int words() {
      return freqs == null ? -1 : words;
    }

    @Override
    public boolean incrementToken() {
      if (next >= count) return false;
      clearAttributes();
      current.offset = next == 0 ? 0 : termEnds[next - 1];
      current.length = termEnds[next] - current.offset;
      term.setBytesRef(current);
      posInc.setPositionIncrement(posIncs[next]);
      offset.setOffset(starts[next], ends[next]);
      if (freq != null) freq.setTermFrequency(freqs[next]);
      next++;
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      offset.setOffset(finalOffset, finalOffset);
      posInc.setPositionIncrement(freqs == null ? finalPosInc : 0);
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
    }
  }
}
