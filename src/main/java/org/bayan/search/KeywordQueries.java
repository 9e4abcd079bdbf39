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
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.bayan.index.Fields;

/**
 * Turns what a user typed into the ranked query over every language's text fields, each analyzed by its own
 * language's chain. The text is never read as query syntax: quotes, dashes, colons and brackets are just
 * characters that the analyzers drop, so no input is an error and a user's words are never reinterpreted.
 *
 * <p>{@link #plainText} is the ranking core; a query language with operators should build its clauses from
 * it (one call per bare word group) rather than re-deriving field weights.
 */
public final class KeywordQueries {
  static final float TITLE_BOOST = 2.0f;
  /**
   * Weight of the exact-form fields relative to the stemmed ones: enough to put the form typed first among
   * equals, little enough not to drown the stemmed match (higher weights lost nDCG on every Arabic train set).
   */
  static final float EXACT_WEIGHT = 0.3f;

  private final Analyzer analyzer;
  private final Map<String, Float> weights = new LinkedHashMap<>();

  public KeywordQueries(Analyzer perFieldAnalyzer) {
    this.analyzer = perFieldAnalyzer;
    for (String lang : Fields.LANGUAGES) {
      weights.put(Fields.title(lang), TITLE_BOOST);
      weights.put(Fields.body(lang), 1.0f);
      if (Fields.hasExactFields(lang)) {
        weights.put(Fields.titleExact(lang), TITLE_BOOST * EXACT_WEIGHT);
        weights.put(Fields.bodyExact(lang), EXACT_WEIGHT);
      }
    }
  }

  /** The query for a search box entry: empty input matches everything (browse), else {@link #plainText}. */
  public Query parse(String text) {
    if (text == null || text.isBlank()) return new MatchAllDocsQuery();
    return plainText(text);
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
        Query q = new TermQuery(new Term(f.getKey(), term));
        all.add(f.getValue() == 1.0f ? q : new BoostQuery(q, f.getValue()), BooleanClause.Occur.SHOULD);
        clauses++;
      }
    }
    if (clauses == 0) return new MatchNoDocsQuery("nothing searchable in the query");
    return all.build();
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
