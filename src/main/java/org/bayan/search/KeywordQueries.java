package org.bayan.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.bayan.index.Fields;

/**
 * The text clauses of a query over every language's fields, each analyzed by its own language's chain. Each
 * method builds one kind of clause; the query language ({@link QueryCompiler}) combines them. None throws on
 * any input: text that analyzes to nothing gives {@code null} (or a match-nothing query for plain text).
 *
 * <p>{@link #plainText} is the ranking core: user text is never read as syntax there; quotes, dashes and
 * colons are characters the analyzers drop.
 */
public final class KeywordQueries {
  static final float TITLE_BOOST = 2.0f;
  /**
   * Weight of the exact-form fields relative to the stemmed ones: enough to put the form typed first among
   * equals, little enough not to drown the stemmed match (higher weights lost nDCG on every Arabic train set).
   */
  static final float EXACT_WEIGHT = 0.3f;

  /**
   * Weight of the "every word" conjunction added beside the disjunction of the words: a statement holding all
   * of them scores its disjunction plus this share of it again, so it ranks above one holding some.
   */
  static final float ALL_WORDS_BOOST = 1.0f;

  /**
   * Longest word group that gets the "every word" clause. A writer's keyword query is a word or three and
   * means all of them; a typed question or pasted sentence is prose, where requiring every word rewards
   * near-copies of the wording over the statement that answers it (measured with `bayan eval`: applied up
   * to 5 words the clause cost 0.008 nDCG@10 on arcd-train; up to 3 words it costs nothing measurable).
   */
  static final int ALL_WORDS_MAX = 3;

  /**
   * Languages whose exact-form fields take part in ranking plain text. English stemming is mild enough that
   * they brought nothing there; Arabic light stemming conflates enough that the form typed should count.
   */
  static final java.util.Set<String> RANKED_EXACT = java.util.Set.of("ar");

  /**
   * Weight of the character-trigram fields relative to the stemmed ones. Trigrams reach the relatives a light
   * stemmer cannot (broken plurals, verb patterns, spelling variants of names); as a share of the score they
   * raised nDCG@10 on every Arabic set, by 0.01 to 0.03, with a flat optimum between 0.2 and 0.45 (measured with
   * {@code bayan eval}, docs/arabic-analysis.md).
   */
  static final float GRAMS_WEIGHT = 0.3f;

  private final Analyzer analyzer;
  /** The main (stemmed) text fields with their weights: what phrases and prefixes map to exact twins of. */
  private final Map<String, Float> weights = new LinkedHashMap<>();
  /**
   * What plain text is ranked over: the main fields, the exact twins of {@link #RANKED_EXACT} and the trigram
   * twins of the languages that have them.
   */
  private final Map<String, Float> rankWeights = new LinkedHashMap<>();
  private final QueryBuilder builder;
  /** The trigram document frequencies of the readers searched, for the trigram clauses built here. */
  private final ReaderDocFrequencies frequencies = new ReaderDocFrequencies();

  /** {@code q} as a highlighter should see it: without stop words looked up on their own (null: nothing left). */
  Query forHighlight(Query q) {
    return LoneStopWords.without(GramsRescore.withoutGrams(q), analyzer);
  }

  public KeywordQueries(Analyzer perFieldAnalyzer) {
    this.analyzer = perFieldAnalyzer;
    this.builder = new QueryBuilder(perFieldAnalyzer);
    for (String lang : Fields.LANGUAGES) {
      weights.put(Fields.title(lang), TITLE_BOOST);
      weights.put(Fields.body(lang), 1.0f);
    }
    rankWeights.putAll(weights);
    for (String lang : RANKED_EXACT) {
      rankWeights.put(Fields.exact(Fields.title(lang)), TITLE_BOOST * EXACT_WEIGHT);
      rankWeights.put(Fields.exact(Fields.body(lang)), EXACT_WEIGHT);
    }
    for (String lang : Fields.GRAMS_ANALYZER_BY_LANGUAGE.keySet()) {
      rankWeights.put(Fields.grams(Fields.title(lang)), TITLE_BOOST * GRAMS_WEIGHT);
      rankWeights.put(Fields.grams(Fields.body(lang)), GRAMS_WEIGHT);
    }
  }

  /**
   * Text taken as plain words only, never as query syntax (topics, pasted text): ranked exactly as a query of
   * the same words without operators is ranked by {@code /api/search}.
   */
  public Query freeText(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) return new MatchNoDocsQuery("nothing searchable in the query");
    return words(List.of(t.split("\\s+")));
  }

  /**
   * Weight of one query word a statement holds, in a keyword query of two to {@value #COVERAGE_MAX} words. Each
   * word held adds this constant, far above what relevance can add (a statement's BM25 score over every field
   * of a word or three stays in the tens), so statements holding more of the words rank first, and relevance
   * orders those holding as many: a score is {@code 1000 × words held + relevance}.
   */
  static final float COVERAGE_WEIGHT = 1000f;

  /**
   * Longest word group ranked by coverage first: a writer's keyword query, which means all of its words. Prose
   * (a typed question, a pasted sentence) is ranked by relevance alone: measured with {@code bayan eval}
   * (docs/search.md), ranking it by coverage first lost quality on every set.
   */
  static final int COVERAGE_MAX = ALL_WORDS_MAX;

  /**
   * A group of plain words: any of them matches; in a keyword query (two to {@value #COVERAGE_MAX} words),
   * statements holding more of the words rank first ({@link #COVERAGE_WEIGHT}). A word counts when its
   * stemmed form is in the statement; a stop word (one its own language's chain leaves out) does not count.
   * This is the one place where free-text ranking is decided.
   */
  public Query words(List<String> words) {
    String text = String.join(" ", words);
    String language = words.size() > ALL_WORDS_MAX ? scriptLanguage(text) : null;
    Query any = plainText(text, language);
    if (words.size() < 2 || any instanceof MatchNoDocsQuery) return any;
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    java.util.Set<Query> covered = new java.util.LinkedHashSet<>();
    int required = 0;
    for (String w : words) {
      if (isStopWord(w)) continue; // a stop word is not a word the statement must hold
      Query held = stemmed(w, language);
      if (held == null || !covered.add(held)) continue;
      // Word-level fields only: trigrams would let a statement "hold" a word it only shares pieces with.
      all.add(plainText(w, null, false), BooleanClause.Occur.MUST);
      required++;
    }
    boolean allWords = words.size() <= ALL_WORDS_MAX && required >= 2;
    // One content word beside stop words still ranks by coverage: the exact twins and the other language's
    // chain keep the stop word, so without it a statement holding only the stop word could outrank one
    // holding the word.
    boolean coverage = words.size() <= COVERAGE_MAX && !covered.isEmpty();
    if (!allWords && !coverage) return any;
    BooleanQuery.Builder ranked = new BooleanQuery.Builder().add(any, BooleanClause.Occur.SHOULD);
    if (allWords) ranked.add(new BoostQuery(all.build(), ALL_WORDS_BOOST), BooleanClause.Occur.SHOULD);
    if (coverage) {
      for (Query held : covered) {
        ranked.add(new BoostQuery(new ConstantScoreQuery(held), COVERAGE_WEIGHT), BooleanClause.Occur.SHOULD);
      }
    }
    return ranked.build();
  }

  /**
   * Whether {@code word} is a stop word: its own script's language chain leaves it out (a word in neither or
   * both scripts: every chain does).
   */
  private boolean isStopWord(String word) {
    String lang = scriptLanguage(word);
    for (String l : Fields.LANGUAGES) {
      if ((lang == null || lang.equals(l)) && !terms(Fields.body(l), word).isEmpty()) return false;
    }
    return true;
  }

  /**
   * {@code word} in the stemmed fields (of {@code language}, or of every language when null): a statement
   * holds the word when this matches. Null when no chain keeps anything of it.
   */
  private Query stemmed(String word, String language) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int clauses = 0;
    for (String field : weights.keySet()) {
      if (language != null && !Fields.languageOf(field).equals(language)) continue;
      for (String term : terms(field, word)) {
        any.add(new TermQuery(new Term(field, term)), BooleanClause.Occur.SHOULD);
        clauses++;
      }
    }
    return clauses == 0 ? null : any.build();
  }

  /**
   * The ranked query for free text: every analyzed term of every field, OR-ed, each field weighted. Input
   * made only of stop words or punctuation leaves nothing to search for and matches nothing.
   */
  public Query plainText(String text) {
    return plainText(text, null);
  }

  /**
   * {@link #plainText} over the fields of one language only (all languages when {@code language} is null):
   * for prose whose language is known, where the other chain mostly finds its numbers.
   */
  public Query plainText(String text, String language) {
    return plainText(text, language, true);
  }

  /**
   * Words decide what matches, trigrams only how it ranks: a statement sharing nothing but pieces of words
   * with the query is noise to a writer (the count would lie, and a misspelling would find junk instead of a
   * spelling suggestion).
   */
  private Query plainText(String text, String language, boolean withGrams) {
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    List<GramsQuery.Weighted> grams = new ArrayList<>();
    int clauses = 0;
    int wordClauses = 0;
    int gramClauses = 0;
    // Fields sharing an analyzer (a language's title and body) get the same terms: analyzed once.
    Map<String, List<String>> analyzed = new java.util.HashMap<>();
    for (Map.Entry<String, Float> f : rankWeights.entrySet()) {
      if (language != null && !Fields.languageOf(f.getKey()).equals(language)) continue;
      boolean isGrams = f.getKey().endsWith(Fields.GRAMS_SUFFIX);
      if (isGrams && !withGrams) continue;
      String chain = Fields.analyzerOf(f.getKey());
      for (String term : analyzed.computeIfAbsent(chain == null ? f.getKey() : chain, k -> terms(f.getKey(), text))) {
        if (clauses >= IndexSearcher.getMaxClauseCount() - 1) break;
        if (isGrams) grams.add(new GramsQuery.Weighted(new Term(f.getKey(), term), f.getValue()));
        else words.add(weigh(new TermQuery(new Term(f.getKey(), term)), f.getValue()), BooleanClause.Occur.SHOULD);
        clauses++;
        if (isGrams) gramClauses++; else wordClauses++;
      }
    }
    if (wordClauses == 0) return new MatchNoDocsQuery("nothing searchable in the query");
    if (gramClauses == 0) return words.build();
    return new BooleanQuery.Builder()
        .add(words.build(), BooleanClause.Occur.MUST)
        .add(new GramsQuery(grams, frequencies), BooleanClause.Occur.SHOULD)
        .build();
  }

  /**
   * The language of the fields prose is searched in: "ar" when its letters are all Arabic script, "en" when
   * they are all Latin, null (every language) when it mixes both or has no letters. Only prose is narrowed
   * (more than {@value #ALL_WORDS_MAX} words): there the other language's chain finds little but the numbers
   * in the text, which match statements on other subjects in the other language. A word or
   * three keeps every language, so a Latin name or acronym still finds the Arabic statements that quote it.
   */
  static String scriptLanguage(String text) {
    boolean arabic = false;
    boolean latin = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isLetter(c)) continue;
      Character.UnicodeScript s = Character.UnicodeScript.of(c);
      if (s == Character.UnicodeScript.ARABIC) arabic = true;
      else if (s == Character.UnicodeScript.LATIN) latin = true;
      else return null;
    }
    return arabic == latin ? null : arabic ? "ar" : "en";
  }

  /**
   * The words in this order, as written: matched on the exact (normalized, unstemmed) fields, so diacritics
   * and hamza forms do not matter but other forms of a word do not match. Null if nothing is searchable.
   */
  public Query phrase(String text) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int clauses = 0;
    for (Map.Entry<String, Float> f : weights.entrySet()) {
      Query q = builder.createPhraseQuery(Fields.exact(f.getKey()), text);
      if (q == null) continue;
      any.add(weigh(q, f.getValue()), BooleanClause.Occur.SHOULD);
      clauses++;
    }
    return clauses == 0 ? null : any.build();
  }

  /** The most words one prefix expands to, per field. */
  public static final int MAX_PREFIX_TERMS = 256;

  /**
   * Words starting with {@code text}, normalized as index terms are: as typed in the exact fields (الداخ*
   * completes الداخلية) and among the stems (حكوم* reaches الحكومة, whose stem is حكوم while its exact form
   * starts with ال). Null if nothing is searchable.
   */
  public Query prefix(String text) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int clauses = 0;
    for (Map.Entry<String, Float> f : weights.entrySet()) {
      for (String field : List.of(Fields.exact(f.getKey()), f.getKey())) {
        BytesRef normalized = analyzer.normalize(field, text);
        if (normalized.length == 0) continue;
        // Bounded expansion: the most frequent MAX_PREFIX_TERMS words, not every word in the index that starts
        // so; constant-scored like an unbounded prefix.
        Query prefix = new PrefixQuery(new Term(field, normalized),
            new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(MAX_PREFIX_TERMS));
        any.add(weigh(new ConstantScoreQuery(prefix), f.getValue()), BooleanClause.Occur.SHOULD);
        clauses++;
      }
    }
    return clauses == 0 ? null : any.build();
  }

  private static Query weigh(Query q, float weight) {
    return weight == 1.0f ? q : new BoostQuery(q, weight);
  }

  private List<String> terms(String field, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot analyze the query for " + field, e);
    }
    return out;
  }
}
