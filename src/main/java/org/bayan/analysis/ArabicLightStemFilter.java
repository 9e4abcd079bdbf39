package org.bayan.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Stems each term with {@link ArabicLightStemmer}, or only removes its proclitics (for the text of a prefix
 * query); terms marked as keywords are left alone.
 */
public final class ArabicLightStemFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
  private final ArabicLightStemmer stemmer;
  private final boolean procliticsOnly;

  public ArabicLightStemFilter(TokenStream in, ArabicLightStemmer stemmer) {
    this(in, stemmer, false);
  }

  ArabicLightStemFilter(TokenStream in, ArabicLightStemmer stemmer, boolean procliticsOnly) {
    super(in);
    this.stemmer = stemmer;
    this.procliticsOnly = procliticsOnly;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) return false;
    if (keyword.isKeyword()) return true;
    char[] b = term.buffer();
    term.setLength(procliticsOnly ? stemmer.prefixes(b, term.length()) : stemmer.stem(b, term.length()));
    return true;
  }
}
