package org.bayan.opensearch;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.bayan.search.GramsQuery;

/**
 * A compiled query split as the embedded engine splits it for rescoring ({@code search.GramsRescore}): the words
 * that find and order the matches, and the trigram clauses scored on the first pass's best hits only. The same
 * split (a copy of {@code GramsRescore.of}, which is not visible outside its package), so the cluster's
 * {@code rescore} adds to a hit what the embedded rescorer adds.
 *
 * @param words the query without its trigram clauses (null when it has nothing else)
 * @param grams what the trigram clauses add to a hit's score; null when the query has none
 */
record GramsSplit(Query words, Query grams) {
  /**
   * First-pass hits rescored: {@code search.GramsRescore.DEPTH}, chosen there with {@code bayan eval} (copied:
   * the constant is not visible outside its package).
   */
  static final int DEPTH = 300;

  /** True when the query has trigram clauses to score apart, beside words that match. */
  boolean splits() {
    return grams != null && words != null;
  }

  static GramsSplit of(Query q) {
    return of(q, true);
  }

  // `required`: every first-pass hit matches q (q is the root, or reached from it through required clauses).
  private static GramsSplit of(Query q, boolean required) {
    switch (q) {
      case GramsQuery g -> {
        return new GramsSplit(null, g);
      }
      case BoostQuery b -> {
        GramsSplit inner = of(b.getQuery(), required);
        if (inner.grams == null) return new GramsSplit(b, null);
        return new GramsSplit(inner.words == null ? null : new BoostQuery(inner.words, b.getBoost()),
            new BoostQuery(inner.grams, b.getBoost()));
      }
      case BooleanQuery bq -> {
        List<GramsSplit> parts = new ArrayList<>();
        boolean any = false;
        for (BooleanClause c : bq.clauses()) {
          boolean must = c.occur() == BooleanClause.Occur.MUST || c.occur() == BooleanClause.Occur.FILTER;
          GramsSplit p = c.occur() == BooleanClause.Occur.MUST_NOT ? new GramsSplit(c.query(), null)
              : of(c.query(), required && must);
          parts.add(p);
          any |= p.grams != null;
        }
        if (!any) return new GramsSplit(bq, null);
        BooleanQuery.Builder words = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
        BooleanQuery.Builder grams = new BooleanQuery.Builder();
        int wordClauses = 0;
        for (int i = 0; i < parts.size(); i++) {
          BooleanClause.Occur occur = bq.clauses().get(i).occur();
          GramsSplit p = parts.get(i);
          if (p.words != null) {
            words.add(p.words, occur);
            wordClauses++;
            // Trigram scores count only where the required clauses around them hold: a given when this query
            // is itself required, to be checked when it is optional.
            if (!required && (occur == BooleanClause.Occur.MUST || occur == BooleanClause.Occur.FILTER)) {
              grams.add(p.words, BooleanClause.Occur.FILTER);
            }
          }
          if (p.grams != null) grams.add(p.grams, BooleanClause.Occur.SHOULD);
        }
        return new GramsSplit(wordClauses == 0 ? null : words.build(), grams.build());
      }
      default -> {
        return new GramsSplit(q, null);
      }
    }
  }
}
