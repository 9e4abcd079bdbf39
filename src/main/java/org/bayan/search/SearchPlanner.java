package org.bayan.search;

import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.bayan.search.query.Node;
import org.bayan.search.query.ParsedQuery;
import org.bayan.search.query.QueryLanguage;

/** Turns requests into {@link SearchPlan}s, analyzing query text with the index's per-field analyzer. */
public final class SearchPlanner {
  /** Terms (words, phrases, prefixes, filters) one query may hold: each becomes clauses over several fields. */
  public static final int MAX_QUERY_TERMS = 64;

  private final QueryLanguage language = new QueryLanguage();
  private final KeywordQueries queries;
  private final QueryCompiler compiler;

  public SearchPlanner(Analyzer perFieldAnalyzer) {
    this(new KeywordQueries(perFieldAnalyzer));
  }

  public SearchPlanner(KeywordQueries queries) {
    this.queries = queries;
    this.compiler = new QueryCompiler(queries);
  }

  /**
   * The plan of {@code q} taken as plain words, never as query syntax (eval topics, pasted text): ranked as
   * {@link #plan} ranks the same words without operators, with the request's filters.
   */
  public SearchPlan planWords(SearchRequest req) {
    ParsedQuery words = new ParsedQuery(req.query() == null || req.query().isBlank() ? List.of()
        : Arrays.stream(req.query().strip().split("\\s+")).map(w -> (Node) new Node.Word(w)).toList());
    Query query = queries.freeText(req.query());
    return new SearchPlan(words, Filters.apply(query, req), query, false, req.effectiveSort());
  }

  /** The plan of a request; a query with more than {@link #MAX_QUERY_TERMS} terms is refused, naming {@code q}. */
  public SearchPlan plan(SearchRequest req) {
    return plan(req.query(), req);
  }

  /** The plan of another query text with the same filters (a spelling correction, say). */
  public SearchPlan plan(String query, SearchRequest req) {
    ParsedQuery parsed = language.parse(query);
    int terms = terms(parsed.clauses());
    if (terms > MAX_QUERY_TERMS) {
      throw new InvalidParameterException("q", "at most " + MAX_QUERY_TERMS
          + " terms (words, phrases, prefixes and filters); this query has " + terms);
    }
    return SearchPlan.of(parsed, compiler.compile(parsed), req);
  }

  private static int terms(List<Node> nodes) {
    int n = 0;
    for (Node node : nodes) {
      n += switch (node) {
        case Node.Or or -> terms(or.alternatives());
        case Node.Not not -> terms(List.of(not.node()));
        default -> 1;
      };
    }
    return n;
  }
}
