package org.bayan.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.util.ResourceLoader;
import org.apache.lucene.util.ResourceLoaderAware;

/**
 * {@code bayanArabicStem}: see {@link ArabicLightStemmer}. Parameter {@code protected}: a file of words
 * whose first letters are radicals, one a line ({@code #} comments). The words are folded and normalized
 * here, as terms are before they reach the stemmer, so the list may be written as people write (وزارة,
 * مسؤول); a list written in a form terms never take would silently protect nothing. Parameter
 * {@code radicalTeh}: a file of words ending in a radical ت (بيروت, تصويت), read the same way; the stemmer
 * never takes their ت for a taa marbuta written before a suffix.
 */
public final class ArabicLightStemFilterFactory extends TokenFilterFactory implements ResourceLoaderAware {
  public static final String NAME = "bayanArabicStem";

  private final String protectedFile;
  private final String radicalTehFile;
  private ArabicLightStemmer stemmer = new ArabicLightStemmer(List.of());

  public ArabicLightStemFilterFactory(Map<String, String> args) {
    super(args);
    protectedFile = get(args, "protected");
    radicalTehFile = get(args, "radicalTeh");
    if (!args.isEmpty()) throw new IllegalArgumentException("unknown parameters: " + args);
  }

  /** For SPI only. */
  public ArabicLightStemFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public void inform(ResourceLoader loader) throws IOException {
    stemmer = new ArabicLightStemmer(words(loader, protectedFile), words(loader, radicalTehFile));
  }

  private List<String> words(ResourceLoader loader, String file) throws IOException {
    List<String> words = new ArrayList<>();
    if (file == null) return words;
    for (String line : getLines(loader, file)) {
      String w = normalize(line.strip());
      if (!w.isEmpty()) words.add(w);
    }
    return words;
  }

  /** A word as the chain presents it to the stemmer: lower-cased, folded, normalized. */
  static String normalize(String word) {
    char[] b = word.toLowerCase(Locale.ROOT).toCharArray();
    if (ArabicFolding.needsNfkc(b, b.length)) b = ArabicFolding.nfkc(b, b.length).toCharArray();
    int len = ArabicFolding.fold(b, b.length);
    // what Lucene's arabicNormalization adds after the folding (its class is not public)
    for (int i = 0; i < len; i++) {
      switch (b[i]) {
        case '\u0622', '\u0623', '\u0625' -> b[i] = '\u0627';
        case '\u0649' -> b[i] = '\u064A';
        case '\u0629' -> b[i] = '\u0647';
        default -> { }
      }
    }
    return new String(b, 0, len);
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new ArabicLightStemFilter(input, stemmer);
  }

  /**
   * The text of a prefix query meets the stems with the proclitics a word would lose (والحكو* and للحكوم* as
   * حكوم*); its end is where the writer stopped typing, not a suffix, so no suffix rule applies.
   */
  @Override
  public TokenStream normalize(TokenStream input) {
    return new ArabicLightStemFilter(input, stemmer, true);
  }
}
