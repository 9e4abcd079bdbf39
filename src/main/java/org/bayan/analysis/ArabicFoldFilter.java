package org.bayan.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds the Arabic letter variants of {@link ArabicFolding}. Runs before Lucene's {@code arabicNormalization},
 * which then folds hamza on alef, alef maqsura and taa marbuta. Offsets are the tokenizer's, untouched, so
 * highlights still point at the text as written.
 */
public final class ArabicFoldFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  public ArabicFoldFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) return false;
    if (ArabicFolding.needsNfkc(term.buffer(), term.length())) {
      String n = ArabicFolding.nfkc(term.buffer(), term.length());
      term.setEmpty().append(n);
    }
    term.setLength(ArabicFolding.fold(term.buffer(), term.length()));
    return true;
  }
}
