package org.bayan.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/** {@code bayanDigitSplit}: see {@link DigitSplitFilter}. */
public final class DigitSplitFilterFactory extends TokenFilterFactory {
  public static final String NAME = "bayanDigitSplit";

  public DigitSplitFilterFactory(Map<String, String> args) {
    super(args);
    if (!args.isEmpty()) throw new IllegalArgumentException("unknown parameters: " + args);
  }

  /** For SPI only. */
  public DigitSplitFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new DigitSplitFilter(input);
  }
}
