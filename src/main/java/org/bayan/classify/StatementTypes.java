package org.bayan.classify;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
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

  /** Words are Arabic letters; a match may not be preceded or followed by one. */
  private static final String B = "(?<![\\p{IsArabic}\\p{L}])";
  private static final String E = "(?![\\p{IsArabic}\\p{L}])";
  /** و or ف attached in front of a verb ("ونفت", "فيما نفى" is a separate word). */
  private static final String CONJ = "[وف]?";

  private record Rule(String type, Pattern pattern) {}

  private static final List<Rule> RULES = List.of(
      new Rule(DENIAL, Pattern.compile(
          B + CONJ + "(نفي|نفت|نفى|ينفي|تنفي|نفيا|تكذب|يكذب|كذبت|كذب|تكذيب|تفند|يفند|فندت|فند)" + E
              + "|" + B + "لا صحه" + E
              + "|" + B + "عار(يه)? (عن|من) (ال)?صحه" + E
              + "|" + B + "غير صحيح(ه)?" + E
              + "|" + B + "لا اساس (له|لها) من (ال)?صحه" + E
              + "|\\b(denies|deny|rejects|refutes|rebuts|debunks)\\s+(the\\s+|these\\s+|recent\\s+|media\\s+|false\\s+)*"
              + "(reports?|claims?|allegations?|rumou?rs?|accusations?|that)\\b"
              + "|\\bdenied\\s+(the\\s+|these\\s+|recent\\s+|media\\s+)*(reports?|allegations?|rumou?rs?|accusations?|that)\\b"
              + "|\\bcategorically\\s+(denies|denied|deny|rejects)\\b"
              + "|\\bno\\s+truth\\s+(to|in)\\b")),
      new Rule(CORRECTION, Pattern.compile(
          B + CONJ + "(ال)?(تصحيح|استدراك|تصويب)" + E
              + "|\\bcorrection\\b|\\bcorrects\\s+the\\s+record\\b|\\berratum\\b")),
      new Rule(CLARIFICATION, Pattern.compile(
          B + CONJ + "(ال)?(توضيح|توضيحا|توضيحي|توضيحيه|ايضاح)" + E
              + "|^\\s*clarification\\b(?!\\s+act)|\\b(issues?|issued|issuing)\\s+(a\\s+)?clarification\\b(?!\\s+act)"
              + "|\\bclarifies\\b|\\bto\\s+clarify\\b")),
      new Rule(DECISION, Pattern.compile(
          B + CONJ + "(قرر|قررت|تقرر|يقرر|قرار|قرارا)" + E
              + "|\\b(decided|decides|has\\s+ordered|decision\\s+to)\\b")),
      new Rule(ANNOUNCEMENT, Pattern.compile(
          B + CONJ + "(اعلن|اعلنت|يعلن|تعلن|اعلان)" + E
              + "|\\b(announces|announced|announcement)\\b")));

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
    for (Rule r : RULES) {
      if (r.pattern().matcher(text).find()) return r.type();
    }
    return null;
  }

  /** The body's first sentence (up to the first full stop, question mark or line break), bounded in length. */
  static String lead(String body) {
    String b = body.strip();
    int end = Math.min(b.length(), LEAD_CHARS);
    for (int i = 0; i < end; i++) {
      char c = b.charAt(i);
      boolean decimal = c == '.' && i > 0 && i + 1 < b.length()
          && Character.isDigit(b.charAt(i - 1)) && Character.isDigit(b.charAt(i + 1));
      if ((c == '.' && !decimal) || c == '؟' || c == '?' || c == '!' || c == '\n') return b.substring(0, i);
    }
    return b.substring(0, end);
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
