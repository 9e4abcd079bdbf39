package org.bayan.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/** {@code bayanArabicFold}: see {@link ArabicFoldFilter}. */
public final class ArabicFoldFilterFactory extends TokenFilterFactory {
  public static final String NAME = "bayanArabicFold";

  public ArabicFoldFilterFactory(Map<String, String> args) {
    super(args);
    if (!args.isEmpty()) throw new IllegalArgumentException("unknown parameters: " + args);
  }

  /** For SPI only. */
  public ArabicFoldFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new ArabicFoldFilter(input);
  }

  @Override
  public TokenStream normalize(TokenStream input) {
    return create(input);
  }
}
