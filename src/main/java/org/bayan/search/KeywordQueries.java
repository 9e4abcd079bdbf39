package org.bayan.search;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.bayan.index.Fields;

/**
 * Turns what a user typed into a query over every language's title and body fields, each analyzed by its
 * own language's chain. Lucene's SimpleQueryParser is used because it never rejects input: quotes, a lone
 * {@code -} or stray operators are read as literally as they can be, so no query is an error.
 */
public final class KeywordQueries {
  static final float TITLE_BOOST = 2.0f;

  private final Analyzer analyzer;
  private final Map<String, Float> weights = new LinkedHashMap<>();

  public KeywordQueries(Analyzer perFieldAnalyzer) {
    this.analyzer = perFieldAnalyzer;
    for (String lang : Fields.LANGUAGES) {
      weights.put(Fields.title(lang), TITLE_BOOST);
      weights.put(Fields.body(lang), 1.0f);
    }
  }

  public Query parse(String text) {
    if (text == null || text.isBlank()) return new MatchAllDocsQuery();
    SimpleQueryParser p = new SimpleQueryParser(analyzer, weights);
    p.setDefaultOperator(BooleanClause.Occur.SHOULD);
    Query q = p.parse(text);
    // Input made only of stop words or operators leaves nothing to search for.
    return q == null ? new MatchNoDocsQuery("nothing searchable in the query") : q;
  }
}
