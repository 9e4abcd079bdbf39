package org.bayan.search.claims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.Query;
import org.bayan.index.Fields;
import org.bayan.search.DocFrequencies;

/**
 * Turns a claim into a query. The claim is analyzed with each language's chain; every term gets a
 * MoreLikeThis-style weight (its frequency in the claim times its idf in the index) and only the top terms
 * are kept, so a long paste is reduced to what is specific in it. Numbers (any digit script: the chain folds
 * them) and names weigh more, because a reworded claim keeps them. Each Arabic word also matches its forms
 * with and without the article and an attached و/ف/ب/ل/ك, which the light stemmer of the index chain leaves
 * apart (وزارة and الوزارة stem differently). Neighbouring claim words found close together in a statement
 * add to its score (a sloppy two-word phrase per pair), rewarding statements that say the same thing rather
 * than ones that share scattered words.
 */
final class ClaimQueries {
  /** One analyzed word of the claim. */
  record Token(String term, int position, int start, int end) {}

  /** A salient term with every form it matches (the first is the term itself) and its weight. */
  record Salient(String language, String term, List<String> forms, float weight, int position, double salience) {}

  /**
   * A word of the claim as coverage counts it: as the claim writes it, the forms that stand for it in a
   * statement (its own first), its idf (a word no statement holds has the highest idf there is), whether any
   * statement holds it, and where the claim has it first.
   */
  record Word(String surface, Set<String> forms, double idf, boolean held, int start) {}

  /**
   * The query with what it was built from, for evidence and explanation.
   *
   * @param words per language, the claim's words that chain finds, in claim order: its {@link ClaimTuning#maxTerms}
   *     most salient, including words no statement holds (coverage counts against them)
   * @param unknown the claim's words, as written, that no statement holds in any language, in claim order
   */
  record Built(Query query, List<Salient> terms, Map<String, List<Word>> words, List<String> unknown) {
    /** Every form of every term, per language, with the term's weight (for marking evidence). */
    Map<String, Map<String, Float>> formsByLanguage() {
      Map<String, Map<String, Float>> out = new LinkedHashMap<>();
      for (Salient s : terms) {
        Map<String, Float> m = out.computeIfAbsent(s.language(), k -> new LinkedHashMap<>());
        for (String f : s.forms()) m.merge(f, s.weight(), Math::max);
      }
      return out;
    }
  }

  /** Weight of terms found by the chain of the language the claim is not written in. */
  static final float OTHER_LANGUAGE = 0.3f;

  private final Analyzer analyzer;
  private final ClaimTuning tuning;

  /** "ar" when Arabic letters outnumber Latin ones, else "en". */
  static String dominantLanguage(String text) {
    int ar = 0;
    int latin = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isLetter(c)) continue;
      Character.UnicodeScript s = Character.UnicodeScript.of(c);
      if (s == Character.UnicodeScript.ARABIC) ar++;
      else if (s == Character.UnicodeScript.LATIN) latin++;
    }
    return ar > latin ? "ar" : "en";
  }

  ClaimQueries(Analyzer perFieldAnalyzer, ClaimTuning tuning) {
    this.analyzer = perFieldAnalyzer;
    this.tuning = tuning;
  }

  Built build(String claim, DocFrequencies stats) {
    List<Salient> all = new ArrayList<>();
    String dominant = dominantLanguage(claim);
    Map<String, Candidates> candidates = new LinkedHashMap<>();
    Set<Term> asked = new LinkedHashSet<>();
    for (String lang : Fields.LANGUAGES) {
      Candidates c = candidates(lang, claim);
      candidates.put(lang, c);
      for (Set<String> f : c.forms().values()) {
        for (String form : f) {
          asked.add(new Term(Fields.body(lang), form));
          asked.add(new Term(Fields.title(lang), form));
        }
      }
    }
    // Every form of every word in one question: a cluster answers it in one round trip.
    Map<Term, Integer> df = asked.isEmpty() ? Map.of() : stats.docFreqs(asked);
    int docs = Math.max(1, stats.numDocs());
    for (String lang : Fields.LANGUAGES) {
      // Every chain sees the whole claim; what the chain of the claim's other language finds there (mostly
      // numbers) is weaker evidence than the words of the claim's own language.
      float factor = lang.equals(dominant) ? 1f : OTHER_LANGUAGE;
      for (Salient s : salient(lang, candidates.get(lang), df, docs)) {
        all.add(new Salient(s.language(), s.term(), s.forms(), s.weight() * factor, s.position(), s.salience() * factor));
      }
    }
    all.sort(Comparator.comparingDouble((Salient s) -> -s.salience()));
    List<Salient> kept = all.size() > tuning.maxTerms() ? all.subList(0, tuning.maxTerms()) : all;
    Map<String, List<Word>> words = new LinkedHashMap<>();
    for (String lang : Fields.LANGUAGES) words.put(lang, words(lang, candidates.get(lang), df, docs));
    List<String> unknown = unknown(dominant, words);
    if (kept.isEmpty()) {
      return new Built(new MatchNoDocsQuery("nothing in the claim occurs in any statement"), List.of(), words, unknown);
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    int clauses = 0;
    for (Salient s : kept) {
      for (String field : List.of(Fields.title(s.language()), Fields.body(s.language()))) {
        float fieldBoost = field.startsWith("title") ? tuning.titleBoost() : 1f;
        q.add(new BoostQuery(synonyms(field, s), s.weight() * fieldBoost), BooleanClause.Occur.SHOULD);
        clauses++;
        if (tuning.fuzzyBoost() > 0 && s.term().length() >= 5 && !isNumber(s.term())) {
          // Typos and a letter more or less (اخنفاء for اختفاء); the first letter is trusted.
          q.add(new BoostQuery(new FuzzyQuery(new Term(field, s.term()), 1, 1, 20, false),
              s.weight() * fieldBoost * tuning.fuzzyBoost()), BooleanClause.Occur.SHOULD);
        }
      }
    }
    if (tuning.pairBoost() > 0) {
      for (String lang : Fields.LANGUAGES) {
        List<Salient> ordered = kept.stream().filter(s -> s.language().equals(lang))
            .sorted(Comparator.comparingInt(Salient::position)).toList();
        for (int i = 0; i + 1 < ordered.size(); i++) {
          Salient a = ordered.get(i);
          Salient b = ordered.get(i + 1);
          if (b.position() - a.position() > 3) continue; // not neighbours in the claim
          for (String field : List.of(Fields.title(lang), Fields.body(lang))) {
            float fieldBoost = field.startsWith("title") ? tuning.titleBoost() : 1f;
            MultiPhraseQuery pair = new MultiPhraseQuery.Builder()
                .add(terms(field, a.forms())).add(terms(field, b.forms())).setSlop(tuning.pairSlop()).build();
            q.add(new BoostQuery(pair, tuning.pairBoost() * fieldBoost * Math.min(a.weight(), b.weight())),
                BooleanClause.Occur.SHOULD);
            clauses++;
          }
        }
      }
    }
    return new Built(q.build(), kept, words, unknown);
  }

  private FormsQuery synonyms(String field, Salient s) {
    return new FormsQuery(field, s.forms(), tuning.variantBoost());
  }

  private static Term[] terms(String field, List<String> forms) {
    return forms.stream().map(f -> new Term(field, f)).toArray(Term[]::new);
  }

  /** A language's analysis of the claim: each term's count, first position, forms, and whether it is a name. */
  private record Candidates(
      Map<String, Integer> tf, Map<String, Integer> firstPos, Map<String, Set<String>> forms, Set<String> names,
      Map<String, String> surface, Map<String, Integer> firstStart) {}

  private Candidates candidates(String lang, String claimText) {
    // Only the Arabic chain folds digits; a number in an English statement is in Western digits whatever
    // script the claim used. Folding keeps lengths, so offsets still point into the claim.
    String claim = lang.equals("ar") ? claimText : westernDigits(claimText);
    List<Token> tokens = analyze(Fields.body(lang), claim);
    Map<String, Integer> tf = new LinkedHashMap<>();
    Map<String, Integer> firstPos = new LinkedHashMap<>();
    Map<String, Set<String>> forms = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>();
    Map<String, String> surfaces = new LinkedHashMap<>();
    Map<String, Integer> firstStart = new LinkedHashMap<>();
    for (Token t : tokens) {
      tf.merge(t.term(), 1, Integer::sum);
      firstPos.putIfAbsent(t.term(), t.position());
      // As the user wrote it (digits unfolded): what coverage reports.
      surfaces.putIfAbsent(t.term(), claimText.substring(t.start(), t.end()));
      firstStart.putIfAbsent(t.term(), t.start());
      Set<String> f = forms.computeIfAbsent(t.term(), k -> new LinkedHashSet<>(List.of(k)));
      String surface = claim.substring(t.start(), t.end());
      if (lang.equals("ar")) {
        for (String v : ArabicForms.variants(surface)) {
          List<Token> a = analyze(Fields.body(lang), v);
          if (a.size() == 1) f.add(a.getFirst().term());
        }
      } else if (isName(claim, t.start())) {
        names.add(t.term());
      }
    }
    return new Candidates(tf, firstPos, forms, names, surfaces, firstStart);
  }

  /**
   * The claim's words in one language as coverage counts them: the {@link ClaimTuning#maxTerms} most salient
   * (tf·idf), in claim order. Unlike the query's terms, words no statement holds stay: they are the part of
   * the claim nothing in the index can confirm, and they weigh the most.
   */
  private List<Word> words(String lang, Candidates c, Map<Term, Integer> docFreqs, int docs) {
    record Scored(Word word, double salience) {}
    List<Scored> all = new ArrayList<>();
    for (Map.Entry<String, Integer> e : c.tf().entrySet()) {
      String term = e.getKey();
      int df = 0;
      for (String f : c.forms().get(term)) {
        df = Math.max(df, Math.max(docFreqs.getOrDefault(new Term(Fields.body(lang), f), 0),
            docFreqs.getOrDefault(new Term(Fields.title(lang), f), 0)));
      }
      double idf = Math.log(1 + (docs - df + 0.5) / (df + 0.5));
      Word w = new Word(c.surface().get(term), Set.copyOf(c.forms().get(term)), idf, df > 0, c.firstStart().get(term));
      all.add(new Scored(w, (1 + Math.log(e.getValue())) * idf));
    }
    all.sort(Comparator.comparingDouble((Scored s) -> -s.salience()));
    return all.stream().limit(tuning.maxTerms()).map(Scored::word).sorted(Comparator.comparingInt(Word::start)).toList();
  }

  /**
   * The dominant language's words that no statement holds, unless the other chain, reading the same place
   * of the claim, finds a word some statement holds (a number only English statements write, say).
   */
  private static List<String> unknown(String dominant, Map<String, List<Word>> words) {
    Set<Integer> heldElsewhere = new HashSet<>();
    for (Map.Entry<String, List<Word>> e : words.entrySet()) {
      if (e.getKey().equals(dominant)) continue;
      for (Word w : e.getValue()) if (w.held()) heldElsewhere.add(w.start());
    }
    List<String> out = new ArrayList<>();
    for (Word w : words.get(dominant)) {
      if (!w.held() && !heldElsewhere.contains(w.start()) && !out.contains(w.surface())) out.add(w.surface());
    }
    return out;
  }

  /** The claim's terms in one language with their weights; terms no statement holds are left out. */
  private List<Salient> salient(String lang, Candidates c, Map<Term, Integer> docFreqs, int docs) {
    List<Salient> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : c.tf().entrySet()) {
      String term = e.getKey();
      int df = 0;
      List<String> kept = new ArrayList<>();
      for (String f : c.forms().get(term)) {
        int d = Math.max(docFreqs.getOrDefault(new Term(Fields.body(lang), f), 0),
            docFreqs.getOrDefault(new Term(Fields.title(lang), f), 0));
        if (d > 0 || f.equals(term)) kept.add(f);
        df = Math.max(df, d);
      }
      if (df == 0) continue;
      double idf = Math.log(1 + (docs - df + 0.5) / (df + 0.5));
      // Selection ranks by tf·idf; the query weight keeps only tuning.idfExponent of the idf, as BM25 counts
      // it again.
      double weight = (1 + Math.log(e.getValue())) * Math.pow(idf, tuning.idfExponent());
      double salience = (1 + Math.log(e.getValue())) * idf;
      if (isNumber(term)) weight *= tuning.numberBoost();
      if (c.names().contains(term)) weight *= tuning.nameBoost();
      out.add(new Salient(lang, term, kept, (float) weight, c.firstPos().get(term), salience));
    }
    // Weights are relative within a claim: the strongest term weighs 1, so boosts stay in a sane range.
    float max = (float) out.stream().mapToDouble(Salient::weight).max().orElse(1);
    return out.stream()
        .map(s -> new Salient(s.language(), s.term(), s.forms(), s.weight() / max, s.position(), s.salience()))
        .toList();
  }

  List<Token> analyze(String field, String text) {
    List<Token> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        out.add(new Token(term.toString(), pos, off.startOffset(), off.endOffset()));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static String westernDigits(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > '9' && Character.isDigit(c)) {
        if (out == null) out = new StringBuilder(s);
        out.setCharAt(i, (char) ('0' + Character.digit(c, 10)));
      }
    }
    return out == null ? s : out.toString();
  }

  static boolean isNumber(String term) {
    if (term.isEmpty()) return false;
    for (int i = 0; i < term.length(); i++) if (!Character.isDigit(term.charAt(i))) return false;
    return true;
  }

  /** A capitalized Latin word that does not start a sentence: likely a name. */
  private static boolean isName(String text, int start) {
    if (start >= text.length() || !Character.isUpperCase(text.charAt(start))) return false;
    int i = start - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) i--;
    return i >= 0 && ".!?؟\n".indexOf(text.charAt(i)) < 0;
  }
}
