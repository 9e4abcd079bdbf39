package org.bayan.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/** Stems each term with {@link ArabicLightStemmer}; terms marked as keywords are left alone. */
public final class ArabicLightStemFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
  private final ArabicLightStemmer stemmer;

  public ArabicLightStemFilter(TokenStream in, ArabicLightStemmer stemmer) {
    super(in);
    this.stemmer = stemmer;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) return false;
    if (!keyword.isKeyword()) term.setLength(stemmer.stem(term.buffer(), term.length()));
    return true;
  }
}
