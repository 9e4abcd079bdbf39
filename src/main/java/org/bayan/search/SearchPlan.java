package org.bayan.search;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.bayan.index.Fields;
import org.bayan.search.query.ParsedQuery;

/**
 * What a search request means, whichever engine runs it: the query with the request's filters, the clauses to
 * highlight, and the order. Every engine starts from the same plan so they rank by the same query.
 *
 * @param parsed the query language's reading of {@code q}
 * @param query the text query and every filter
 * @param highlight the positive text clauses
 * @param browse true when there is no text to rank by
 * @param order the order hits come in (relevance becomes newest-first when browsing)
 */
public record SearchPlan(ParsedQuery parsed, Query query, Query highlight, boolean browse, SortOrder order) {

  static SearchPlan of(ParsedQuery parsed, QueryCompiler.Compiled compiled, SearchRequest req) {
    SortOrder order = compiled.browse() && req.effectiveSort() == SortOrder.RELEVANCE
        ? SortOrder.NEWEST : req.effectiveSort();
    return new SearchPlan(parsed, Filters.apply(compiled.query(), req), compiled.highlight(), compiled.browse(), order);
  }
}
