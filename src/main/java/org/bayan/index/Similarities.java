package org.bayan.index;

import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.SmallFloat;

/**
 * BM25 per field. Arabic fields saturate term frequency sooner (k1 = 0.9 instead of 1.2): after stemming
 * conflates a word's clitic and suffix forms, repeats of one stem count for more than in English, and one
 * word repeated should not outrank a statement matching more of the query. Measured on the Arabic train
 * sets (docs/arabic-analysis.md); English keeps Lucene's defaults.
 */
public final class Similarities extends PerFieldSimilarityWrapper {
  static final float AR_K1 = 0.9f;
  static final float AR_B = 0.75f;

  /** BM25 parameters of a field as {k1, b}: the one definition both engines' index settings are built from. */
  public static float[] bm25(String field) {
    return isArabicText(field) ? new float[] {AR_K1, AR_B} : new float[] {1.2f, 0.75f};
  }

  /** An Arabic text field or one of its twins (exact forms, trigrams): all hold Arabic words. */
  private static boolean isArabicText(String field) {
    return Fields.languageOf(field).equals("ar");
  }

  private final Similarity dflt = new BM25Similarity();
  private final Similarity arabic = new BM25Similarity(AR_K1, AR_B);
  private final Similarity dfltGrams = new CountedLength(1.2f, 0.75f);
  private final Similarity arabicGrams = new CountedLength(AR_K1, AR_B);

  @Override
  public Similarity get(String field) {
    if (field.endsWith(Fields.GRAMS_SUFFIX)) return isArabicText(field) ? arabicGrams : dfltGrams;
    return isArabicText(field) ? arabic : dflt;
  }

  /**
   * BM25 for a field whose tokens reach the writer counted (each distinct term once with its frequency, {@link
   * CapturedTokens#counted}): its length, which the writer would count from the tokens one by one, is the one
   * the tokens were counted from. Scores as BM25 does; the norm it writes is BM25's for the same tokens.
   */
  private static final class CountedLength extends BM25Similarity {
    CountedLength(float k1, float b) {
      super(k1, b);
    }

    @Override
    public long computeNorm(FieldInvertState state) {
      if (state.getAttributeSource() instanceof CapturedTokens.Replay r && r.words() >= 0) {
        return SmallFloat.intToByte4(r.words());
      }
      return super.computeNorm(state);
    }
  }
}
