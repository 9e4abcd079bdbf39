package org.bayan.classify;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bayan.statement.Release;

/**
 * The type of a statement: the one its agency declared ({@code type} in the release), lower-cased, or else
 * one detected from its wording. Detection reads only the headline and the lead (the body's first sentence):
 * that is where an agency says what its statement does ("وزارة الثقافة تنفي ...", "The Department denies
 * reports that ..."), while a denial quoted further down a news story is somebody else's. Rules, checked in
 * this order (the first that matches wins):
 *
 * <ul>
 *   <li><b>denial</b>: Arabic نفى/نفت/ينفي/تنفي/نفي (with و or ف attached), تكذّب/كذّبت/تكذيب, تفنّد/فنّدت,
 *       "لا صحة", "عار/عارية عن (من) الصحة", "غير صحيح(ة)", "لا أساس له من الصحة"; English "denies", "rejects", "refutes",
 *       "rebuts" or "debunks" followed by reports, claims, allegations, rumors, accusations or "that";
 *       "denied" likewise but not before "claims" ("denied claims" are refused applications); "categorically
 *       denies"; "no truth to/in".
 *   <li><b>correction</b>: تصحيح, استدراك, تصويب; English "correction", "corrects the record", "erratum".
 *   <li><b>clarification</b>: توضيح, توضيحا, توضيحي(ة), إيضاح; English a headline starting with
 *       "Clarification", "issues a clarification", "clarifies", "to clarify"; never "... Clarification Act",
 *       the name of a bill.
 *   <li><b>decision</b>: قرر/قررت/تقرر/يقرر, "قرار" or "أصدر(ت) قرارا"; English "decided", "decides", "has
 *       ordered", "decision to".
 *   <li><b>announcement</b>: أعلن/أعلنت/يعلن/تعلن/إعلان, English "announces", "announced", "announcement".
 * </ul>
 *
 * <p>Arabic is matched after folding hamza forms of alef to ا, ى to ي and removing diacritics and tatweel,
 * and only as whole words (تنفيذ is not تنفي). A statement matching none of the rules has no type.
 */
public final class StatementTypes {
  public static final String DENIAL = "denial";
  public static final String CORRECTION = "correction";
  public static final String CLARIFICATION = "clarification";
  public static final String DECISION = "decision";
  public static final String ANNOUNCEMENT = "announcement";

  /** The types detection can give, in the order the rules are tried. */
  public static final List<String> DETECTED = List.of(DENIAL, CORRECTION, CLARIFICATION, DECISION, ANNOUNCEMENT);

  /** Words are Arabic letters; a match may not be followed by one (nor preceded: see {@link #detect}). */
  private static final String E = "(?![\\p{IsArabic}\\p{L}])";
  /** و or ف attached in front of a verb ("ونفت", "فيما نفى" is a separate word). */
  private static final String CONJ = "[وف]?";

  /**
   * A rule's Arabic wording (matched only where a word starts, see {@link #detect}) and its English
   * wording. Each is looked for only in text that holds letters of its script, which no wording of the other
   * script needs.
   */
  private record Rule(String type, Pattern arabic, Pattern english) {}

  private static final List<Rule> RULES = List.of(
      new Rule(DENIAL, Pattern.compile(
          "(?:" + CONJ + "(?:نفي|نفت|نفى|ينفي|تنفي|نفيا|تكذب|يكذب|كذبت|كذب|تكذيب|تفند|يفند|فندت|فند)" + E
              + "|لا صحه" + E
              + "|عار(?:يه)? (?:عن|من) (?:ال)?صحه" + E
              + "|غير صحيح(?:ه)?" + E
              + "|لا اساس (?:له|لها) من (?:ال)?صحه" + E + ")"),
          Pattern.compile(
          "\\b(denies|deny|rejects|refutes|rebuts|debunks)\\s+(the\\s+|these\\s+|recent\\s+|media\\s+|false\\s+)*"
              + "(reports?|claims?|allegations?|rumou?rs?|accusations?|that)\\b"
              + "|\\bdenied\\s+(the\\s+|these\\s+|recent\\s+|media\\s+)*(reports?|allegations?|rumou?rs?|accusations?|that)\\b"
              + "|\\bcategorically\\s+(denies|denied|deny|rejects)\\b"
              + "|\\bno\\s+truth\\s+(to|in)\\b")),
      new Rule(CORRECTION,
          Pattern.compile(CONJ + "(?:ال)?(?:تصحيح|استدراك|تصويب)" + E),
          Pattern.compile("\\bcorrection\\b|\\bcorrects\\s+the\\s+record\\b|\\berratum\\b")),
      new Rule(CLARIFICATION,
          Pattern.compile(CONJ + "(?:ال)?(?:توضيح|توضيحا|توضيحي|توضيحيه|ايضاح)" + E),
          Pattern.compile("^\\s*clarification\\b(?!\\s+act)|\\b(issues?|issued|issuing)\\s+(a\\s+)?clarification\\b(?!\\s+act)"
              + "|\\bclarifies\\b|\\bto\\s+clarify\\b")),
      new Rule(DECISION,
          Pattern.compile(CONJ + "(?:قرر|قررت|تقرر|يقرر|قرار|قرارا)" + E),
          Pattern.compile("\\b(decided|decides|has\\s+ordered|decision\\s+to)\\b")),
      new Rule(ANNOUNCEMENT,
          Pattern.compile(CONJ + "(?:اعلن|اعلنت|يعلن|تعلن|اعلان)" + E),
          Pattern.compile("\\b(announces|announced|announcement)\\b")));

  private static final int LEAD_CHARS = 400;

  private StatementTypes() {}

  /** The declared type, lower-cased, or the detected one, or null. */
  public static String of(Release r) {
    if (r.type() != null && !r.type().isBlank()) return r.type().strip().toLowerCase(Locale.ROOT);
    return detect(r.title(), r.body());
  }

  /** The type detected from a headline and body (either may be null), or null when no rule matches. */
  public static String detect(String title, String body) {
    String text = fold((title == null ? "" : title) + "\n" + lead(body == null ? "" : body));
    // Where a wording can start, found once for all the rules: for Arabic, at an Arabic letter with no letter
    // (of any script) nor other Arabic-script character just before; for English, at the start of the text
    // or at a Latin letter with no letter or digit before (the patterns' own \\b and ^ still decide). Letting
    // each pattern try every position, with a look-behind in every alternative, made detection a sixth of
    // indexing. Each script's wordings are looked for only where there are letters of that script.
    int[] arabic = new int[text.length()];
    int[] latin = new int[text.length() + 1];
    int arabicStarts = 0;
    int latinStarts = 0;
    boolean anyLatin = false;
    latin[latinStarts++] = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '\u0600' && c <= '\u06FF') {
        if (i == 0 || !wordChar(text.codePointBefore(i))) arabic[arabicStarts++] = i;
      } else if (c >= 'a' && c <= 'z') {
        anyLatin = true;
        if (i > 0 && !Character.isLetterOrDigit(text.codePointBefore(i))) latin[latinStarts++] = i;
      }
    }
    for (Rule r : RULES) {
      if (find(r.arabic(), text, arabic, arabicStarts) || (anyLatin && find(r.english(), text, latin, latinStarts))) {
        return r.type();
      }
    }
    return null;
  }

  private static boolean find(Pattern p, String text, int[] starts, int n) {
    if (n == 0) return false;
    Matcher m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    for (int k = 0; k < n; k++) {
      m.region(starts[k], text.length());
      if (m.lookingAt()) return true;
    }
    return false;
  }

  private static boolean wordChar(int codePoint) {
    return Character.isLetter(codePoint) || Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.ARABIC;
  }


  /** The body's first sentence (up to the first full stop, question mark or line break), bounded in length. */
  static String lead(String body) {
    // Stripped by index bounds rather than with strip(), which copied the whole body (up to 200,000
    // characters) to look at its first 400.
    int from = 0;
    int to = body.length();
    while (from < to && Character.isWhitespace(body.charAt(from))) from++;
    while (to > from && Character.isWhitespace(body.charAt(to - 1))) to--;
    int end = Math.min(to, from + LEAD_CHARS);
    for (int i = from; i < end; i++) {
      char c = body.charAt(i);
      boolean decimal = c == '.' && i > from && i + 1 < to
          && Character.isDigit(body.charAt(i - 1)) && Character.isDigit(body.charAt(i + 1));
      if ((c == '.' && !decimal) || c == '؟' || c == '?' || c == '!' || c == '\n') return body.substring(from, i);
    }
    return body.substring(from, end);
  }

  /** Lower case; Arabic letter variants folded, diacritics and tatweel removed (as the index chain does). */
  static String fold(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if ((c >= '\u064B' && c <= '\u0652') || c == '\u0640' || c == '\u0670') continue;
      switch (c) {
        case 'أ', 'إ', 'آ', 'ٱ' -> out.append('ا');
        case 'ى' -> out.append('ي');
        case 'ة' -> out.append('ه');
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
