package org.bayan.analysis;

import org.apache.lucene.analysis.CharArraySet;

/**
 * A light Arabic stemmer for text already folded and normalized (ا for every alef with hamza, ي for ى,
 * ه for ة, ء for ؤ and ئ). Unlike Lucene's ArabicStemmer, which removes one prefix and may take a radical
 * letter for a suffix, it:
 *
 * <ul>
 *   <li>removes stacked proclitics in their grammatical order: a conjunction (و, ف), then a preposition
 *       (ب, ك, ل) and/or the article (ال; ل + ال is written لل), or the future marker س before an imperfect
 *       prefix (ي ت ن) — each only while a stem of at least three letters remains;
 *   <li>never removes a proclitic from a protected word (its first letters are radicals: وزارة, بيان, ...),
 *       matching protected words by their suffix-stripped core, so وزارتها is as protected as وزارة;
 *   <li>removes one pronoun suffix (هما كما هم هن كم كن ها نا, and ه ي ك after ت), turning the ت that a
 *       taa marbuta becomes before a pronoun back into ه (مدرستها → مدرسه, حكومته, حكومتك → حكومه) unless
 *       the word is listed as ending in a radical ت (بيروتي, تصويتهم), and an alef maqsura written ا before
 *       it back into the stem's end (مستواها as مستوى); otherwise a tanween alef (اتصالاً, but بياناً is not
 *       بيا + نا), restoring the ت of a dual construct (وزارتا, شركتا) and taking the و of a plural verb
 *       (أكدوا); then one plural/dual/adjective suffix (ات ون ين يه ي, a final و of a plural in construct:
 *       موظفو; ان only from longer words, so بيان and اعلان keep their ن) with a nisba ي before a plural
 *       (مستشفيات), then a final ه (taa marbuta or "his"), with an ا before it (مباراة as مباراتها).
 * </ul>
 */
public final class ArabicLightStemmer {
  static final char ALEF = '\u0627';
  static final char BEH = '\u0628';
  static final char TEH = '\u062A';
  static final char SEEN = '\u0633';
  static final char FEH = '\u0641';
  static final char KAF = '\u0643';
  static final char LAM = '\u0644';
  static final char NOON = '\u0646';
  static final char HEH = '\u0647';
  static final char WAW = '\u0648';
  static final char YEH = '\u064A';

  /** Shortest stem a proclitic may leave. */
  static final int MIN_STEM = 3;

  /** In what {@link #proclitics} returns: the length of the proclitics, and whether they end in the article. */
  private static final int START = 0xFF;
  private static final int ARTICLE = 0x100;

  private static final char[][] PRONOUNS = chars("هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا");
  private static final char[] PRONOUN_NA = PRONOUNS[7];
  private static final char[][] NUMBER = chars("ات", "ون", "ين", "يه");
  private static final char[] NUMBER_YEH_HEH = NUMBER[3];

  private final CharArraySet protectedCores;
  /** Stems whose final ت is a radical (بيروت, تصويت): never turned back into a taa marbuta. */
  private final CharArraySet radicalTeh;

  /** @param protectedWords normalized protected words; stored by their cores */
  public ArabicLightStemmer(Iterable<String> protectedWords) {
    this(protectedWords, java.util.List.of());
  }

  /**
   * @param protectedWords normalized protected words; stored by their cores
   * @param radicalTehWords normalized words ending in a radical ت, as written without suffixes
   */
  public ArabicLightStemmer(Iterable<String> protectedWords, Iterable<String> radicalTehWords) {
    CharArraySet teh = new CharArraySet(64, false);
    for (String w : radicalTehWords) teh.add(w);
    this.radicalTeh = teh;
    CharArraySet cores = new CharArraySet(64, false);
    for (String w : protectedWords) {
      char[] b = w.toCharArray();
      cores.add(new String(b, 0, suffixes(b, b.length)));
    }
    this.protectedCores = cores;
  }

  /** Stems {@code s[0..len)} in place; returns the new length. */
  public int stem(char[] s, int len) {
    int p = proclitics(s, len);
    int start = p & START;
    if (start > 0) System.arraycopy(s, start, s, 0, len - start);
    return suffixes(s, len - start, (p & ARTICLE) != 0);
  }

  /** Whether a proclitic may not be removed from {@code s[0..len)}. */
  boolean isProtected(char[] s, int len) {
    if (protectedCores.isEmpty()) return false;
    if (protectedCores.contains(s, 0, len)) return true;
    char[] copy = java.util.Arrays.copyOf(s, len);
    return protectedCores.contains(copy, 0, suffixes(copy, len));
  }

  int prefixes(char[] s, int len) {
    int start = proclitics(s, len) & START;
    if (start == 0) return len;
    System.arraycopy(s, start, s, 0, len - start);
    return len - start;
  }

  private int proclitics(char[] s, int len) {
    if (len < MIN_STEM + 1 || isProtected(s, len)) return 0;
    int start = 0;
    int article = 0;
    // conjunction: ف only before four letters (فكرة, فترة, فريق begin with a radical ف); و also before a
    // three-letter word (وقرر, وقال), since radical-و words of four letters are on the protected list
    if ((s[0] == WAW && len - 1 >= MIN_STEM) || (s[0] == FEH && len - 1 >= MIN_STEM + 1)) {
      start = 1;
    }
    int rest = len - start;
    // preposition + article, article, or ل + article written لل
    if (rest >= 3 + MIN_STEM && (s[start] == BEH || s[start] == KAF || s[start] == LAM)
        && s[start + 1] == ALEF && s[start + 2] == LAM && !isProtected(s, start + 1, len)) {
      start += 3;
      article = ARTICLE;
    } else if (rest >= 2 + MIN_STEM && s[start] == ALEF && s[start + 1] == LAM && !isProtected(s, start, len)) {
      start += 2;
      article = ARTICLE;
    } else if (rest >= 2 + MIN_STEM && s[start] == LAM && s[start + 1] == LAM && !isProtected(s, start, len)) {
      start += 2;
      article = ARTICLE;
    } else if (rest >= 1 + MIN_STEM && (s[start] == BEH || s[start] == KAF || s[start] == LAM)
        && !isProtected(s, start, len)) {
      start += 1;
    } else if (rest >= 2 + MIN_STEM && s[start] == SEEN && isImperfectPrefix(s[start + 1])
        && !isProtected(s, start, len)) {
      start += 1;
    }
    return start | article;
  }

  private boolean isProtected(char[] s, int from, int to) {
    if (from == 0) return isProtected(s, to);
    char[] copy = java.util.Arrays.copyOfRange(s, from, to);
    return isProtected(copy, copy.length);
  }

  private static boolean isImperfectPrefix(char c) {
    // not ا: سأعلن is rare in statements, while سابقة, ساهمت, ساعدت begin with a radical س
    return c == YEH || c == TEH || c == NOON;
  }

  int suffixes(char[] s, int len) {
    return suffixes(s, len, false);
  }

  /** @param definite the word had the article, so it is not in construct (موظفو, but not الموظفو) */
  private int suffixes(char[] s, int len, boolean definite) {
    boolean pronoun = false;
    for (char[] p : PRONOUNS) {
      if (len - p.length >= MIN_STEM && endsWith(s, len, p)) {
        // انا ends a word in ان with tanween alef (بياناً, مكاناً), not a stem in ا with "our"
        if (p == PRONOUN_NA && s[len - 3] == ALEF) continue;
        len = restoreTaaMarbuta(s, len - p.length);
        pronoun = true;
        break;
      }
    }
    if (!pronoun && len - 1 >= MIN_STEM && s[len - 2] == TEH
        && (s[len - 1] == HEH || s[len - 1] == YEH || s[len - 1] == KAF)) {
      // ه "his", ي "my" or ك "your" after a taa marbuta written ت: حكومته, حكومتي, حكومتك → حكومه
      len = restoreTaaMarbuta(s, len - 1);
      pronoun = true;
    }
    if (pronoun) {
      // an alef maqsura is written ا before a pronoun: مستواها, معناها as مستوى, معنى
      if (len - 1 >= MIN_STEM && s[len - 1] == ALEF) len--;
    } else if (len - 1 >= MIN_STEM + 1 && s[len - 1] == ALEF) {
      // tanween alef after four letters or more (اتصالاً → اتصال; عاماً keeps it: see docs/arabic-analysis.md).
      // A final ت before it is the dual construct (وزارتا, شركتا) unless the stem is the active participle of a
      // root in ت (ثابتاً, لافتاً: فاعل)
      len--;
      if (len - 1 >= MIN_STEM + 1 || (len - 1 == MIN_STEM && s[1] != ALEF)) len = restoreTaaMarbuta(s, len);
      // the plural verb ending وا: قالوا, أكدوا → قال, أكد
      if (len - 1 >= MIN_STEM && s[len - 1] == WAW) len--;
    }
    boolean stripped = false;
    for (char[] n : NUMBER) {
      if (len - n.length >= MIN_STEM && endsWith(s, len, n)) {
        len = restoreTaaMarbuta(s, len - n.length);
        stripped = true;
        // the nisba ي before a plural: مستشفيات, عمليات, عسكريين as مستشفى, عملية, عسكري
        if (n != NUMBER_YEH_HEH && len - 1 >= MIN_STEM && s[len - 1] == YEH) len--;
        break;
      }
    }
    if (!stripped && !definite && len - 1 >= MIN_STEM + 1 && s[len - 1] == WAW) {
      // a sound masculine plural in construct loses its ن: موظفو, مسؤولو (موظفوها) as موظفون; four-letter
      // words keep a final و (يدعو, يبدو), and a word with the article is never in construct
      len--;
      stripped = true;
      // a nisba plural: عسكريو as عسكريون; four letters must remain, names end in يو (ماتيو, ماريو)
      if (len - 1 >= MIN_STEM + 1 && s[len - 1] == YEH) len--;
    }
    if (!stripped && len - 2 >= MIN_STEM + 1 && s[len - 2] == ALEF && s[len - 1] == NOON) {
      len = restoreTaaMarbuta(s, len - 2);
    } else if (!stripped && len - 1 >= MIN_STEM && s[len - 1] == YEH) {
      len--;
      // a nisba plural in construct: عسكريي as عسكريين
      if (len - 1 >= MIN_STEM && s[len - 1] == YEH) len--;
    }
    // a dual restored to ة leaves the يه a nisba noun ends in: اتفاقيتان → اتفاقيه, stemmed as اتفاقية is
    if (len - 2 >= MIN_STEM && s[len - 2] == YEH && s[len - 1] == HEH) len -= 2;
    if (len - 1 >= MIN_STEM && s[len - 1] == HEH) {
      len--;
      // ة or "his" after ا: مباراة, مستواه as مباراتها, مستوى. With three letters or fewer before the ا it stays (حياة,
      // مياه, and امرأة, whose ا is a hamza: امر is another word)
      if (len - 1 >= MIN_STEM + 1 && s[len - 1] == ALEF) len--;
    }
    return len;
  }

  /**
   * A stem left ending in ت (not the ات plural) had a taa marbuta before the suffix: ت → ه; unless the ت is
   * a radical of a listed word (بيروت, تصويت).
   */
  private int restoreTaaMarbuta(char[] s, int len) {
    if (len - 1 >= MIN_STEM && s[len - 1] == TEH && s[len - 2] != ALEF && !radicalTeh.contains(s, 0, len)) {
      s[len - 1] = HEH;
    }
    return len;
  }

  private static boolean endsWith(char[] s, int len, char[] suffix) {
    if (len < suffix.length) return false;
    for (int i = 0; i < suffix.length; i++) {
      if (s[len - suffix.length + i] != suffix[i]) return false;
    }
    return true;
  }

  private static char[][] chars(String... words) {
    char[][] out = new char[words.length][];
    for (int i = 0; i < words.length; i++) out[i] = words[i].toCharArray();
    return out;
  }
}
