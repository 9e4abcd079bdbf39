package org.bayan.search;

import org.apache.lucene.analysis.Analyzer;
import org.bayan.search.query.ParsedQuery;
import org.bayan.search.query.QueryLanguage;

/** Turns requests into {@link SearchPlan}s, analyzing query text with the index's per-field analyzer. */
public final class SearchPlanner {
  private final QueryLanguage language = new QueryLanguage();
  private final QueryCompiler compiler;

  public SearchPlanner(Analyzer perFieldAnalyzer) {
    this(new KeywordQueries(perFieldAnalyzer));
  }

  public SearchPlanner(KeywordQueries queries) {
    this.compiler = new QueryCompiler(queries);
  }

  public SearchPlan plan(SearchRequest req) {
    ParsedQuery parsed = language.parse(req.query());
    return SearchPlan.of(parsed, compiler.compile(parsed), req);
  }

  /** The plan of another query text with the same filters (a spelling correction, say). */
  SearchPlan plan(String query, SearchRequest req) {
    ParsedQuery parsed = language.parse(query);
    return SearchPlan.of(parsed, compiler.compile(parsed), req);
  }
}
