package org.bayan.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.bayan.search.query.Node;
import org.bayan.search.query.ParsedQuery;

/**
 * Turns a parsed query into Lucene: bare words become one ranked clause ({@link KeywordQueries#words}),
 * phrases, prefixes and OR groups are required, exclusions are prohibited, filters restrict without scoring
 * (several on one field: any of them; on different fields: all).
 */
final class QueryCompiler {
  private final KeywordQueries text;

  QueryCompiler(KeywordQueries text) {
    this.text = text;
  }

  /**
   * @param query what runs (text and in-query filters)
   * @param highlight the positive text clauses, for the highlighter (without trigram clauses: no field of
   *     theirs is highlighted; without stop words looked up on their own, {@link LoneStopWords})
   * @param browse true when there is no text to rank by (only filters or exclusions, or nothing)
   */
  record Compiled(Query query, Query highlight, boolean browse) {}

  Compiled compile(ParsedQuery parsed) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    BooleanQuery.Builder hl = new BooleanQuery.Builder();
    List<String> words = new ArrayList<>();
    Map<String, List<Query>> filters = new LinkedHashMap<>();
    int textClauses = 0;
    int compiled = 0;
    for (Node n : parsed.clauses()) {
      switch (n) {
        case Node.Word w -> words.add(w.text());
        case Node.Filter f -> filters.computeIfAbsent(f.field(), k -> new ArrayList<>()).add(filter(f));
        case Node.Not not -> {
          Query q = not.node() instanceof Node.Filter f ? filter(f) : scoring(not.node());
          if (q != null) b.add(q, BooleanClause.Occur.MUST_NOT);
        }
        default -> {
          textClauses++;
          Query q = scoring(n);
          if (q != null) {
            b.add(q, BooleanClause.Occur.MUST);
            highlight(hl, q);
            compiled++;
          }
        }
      }
    }
    if (!words.isEmpty()) {
      textClauses++;
      Query q = text.words(words);
      if (!(q instanceof MatchNoDocsQuery)) {
        b.add(q, BooleanClause.Occur.MUST);
        highlight(hl, q);
        compiled++;
      }
    }
    for (List<Query> alternatives : filters.values()) b.add(anyOf(alternatives), BooleanClause.Occur.FILTER);
    if (textClauses > 0 && compiled == 0) {
      // Text was typed but none of it is searchable (only stop words or punctuation).
      return new Compiled(new MatchNoDocsQuery("nothing searchable in the query"), new MatchNoDocsQuery(), false);
    }
    boolean browse = compiled == 0;
    if (browse) b.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
    return new Compiled(b.build(), browse ? new MatchNoDocsQuery() : hl.build(), browse);
  }

  private void highlight(BooleanQuery.Builder hl, Query clause) {
    Query marked = text.forHighlight(clause);
    if (marked != null) hl.add(marked, BooleanClause.Occur.SHOULD);
  }

  /** A clause that matches and scores by itself; null when it holds nothing searchable. */
  private Query scoring(Node n) {
    return switch (n) {
      case Node.Word w -> nullIfNothing(text.words(List.of(w.text())));
      case Node.Phrase p -> text.phrase(p.text());
      case Node.Prefix p -> text.prefix(p.text());
      case Node.Filter f -> new ConstantScoreQuery(filter(f));
      case Node.Not not -> null; // the language never nests an exclusion inside another clause
      case Node.Or or -> {
        List<Query> alts = new ArrayList<>();
        for (Node a : or.alternatives()) {
          Query q = scoring(a);
          if (q != null) alts.add(q);
        }
        yield alts.isEmpty() ? null : anyOf(alts);
      }
    };
  }

  private static Query nullIfNothing(Query q) {
    return q instanceof MatchNoDocsQuery ? null : q;
  }

  private static Query filter(Node.Filter f) {
    return new TermQuery(new Term(f.field(), f.value()));
  }

  private static Query anyOf(List<Query> alternatives) {
    if (alternatives.size() == 1) return alternatives.getFirst();
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Query q : alternatives) any.add(q, BooleanClause.Occur.SHOULD);
    return any.build();
  }
}
