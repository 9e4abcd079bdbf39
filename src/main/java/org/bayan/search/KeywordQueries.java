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
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.bayan.index.Fields;

/**
 * The text clauses of a query over every language's fields, each analyzed by its own language's chain. Each
 * method builds one kind of clause; the query language ({@link QueryCompiler}) combines them. None throws on
 * any input: text that analyzes to nothing gives {@code null} (or a match-nothing query for plain text).
 */
public final class KeywordQueries {
  static final float TITLE_BOOST = 2.0f;

  /**
   * Weight of the "every word" conjunction added beside the disjunction of the words: a statement holding all
   * of them scores its disjunction plus this share of it again, so it ranks above one holding some.
   */
  static final float ALL_WORDS_BOOST = 1.0f;

  private final Analyzer analyzer;
  private final Map<String, Float> weights = new LinkedHashMap<>();
  private final QueryBuilder builder;

  public KeywordQueries(Analyzer perFieldAnalyzer) {
    this.analyzer = perFieldAnalyzer;
    this.builder = new QueryBuilder(perFieldAnalyzer);
    for (String lang : Fields.LANGUAGES) {
      weights.put(Fields.title(lang), TITLE_BOOST);
      weights.put(Fields.body(lang), 1.0f);
    }
  }

  /**
   * A group of plain words: any of them matches, statements holding all of them rank first. This is the one
   * place where free-text ranking is decided.
   */
  public Query words(List<String> words) {
    Query any = plainText(String.join(" ", words));
    if (words.size() < 2 || any instanceof MatchNoDocsQuery) return any;
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    int required = 0;
    for (String w : words) {
      Query q = plainText(w);
      if (q instanceof MatchNoDocsQuery) continue; // a stop word is not a word the statement must hold
      all.add(q, BooleanClause.Occur.MUST);
      required++;
    }
    if (required < 2) return any;
    return new BooleanQuery.Builder()
        .add(any, BooleanClause.Occur.SHOULD)
        .add(new BoostQuery(all.build(), ALL_WORDS_BOOST), BooleanClause.Occur.SHOULD)
        .build();
  }

  /**
   * The ranked query for free text: every analyzed term of every field, OR-ed, each field weighted. Input
   * made only of stop words or punctuation leaves nothing to search for and matches nothing.
   */
  public Query plainText(String text) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    int clauses = 0;
    for (Map.Entry<String, Float> f : weights.entrySet()) {
      for (String term : terms(f.getKey(), text)) {
        if (clauses >= IndexSearcher.getMaxClauseCount()) break;
        all.add(weigh(new TermQuery(new Term(f.getKey(), term)), f.getValue()), BooleanClause.Occur.SHOULD);
        clauses++;
      }
    }
    return clauses == 0 ? new MatchNoDocsQuery("nothing searchable in the query") : all.build();
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

  /** Words starting with {@code text} (normalized like the exact fields). Null if nothing is searchable. */
  public Query prefix(String text) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int clauses = 0;
    for (Map.Entry<String, Float> f : weights.entrySet()) {
      String field = Fields.exact(f.getKey());
      BytesRef normalized = analyzer.normalize(field, text);
      if (normalized.length == 0) continue;
      any.add(weigh(new PrefixQuery(new Term(field, normalized)), f.getValue()), BooleanClause.Occur.SHOULD);
      clauses++;
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
