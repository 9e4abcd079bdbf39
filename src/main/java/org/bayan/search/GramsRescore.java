package org.bayan.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Relevance ranking in two passes with the same scores as one: the query without its trigram clauses finds and
 * orders the matches (trigrams never decide a match), then the trigram clauses are scored on that pass's best
 * {@link #DEPTH} hits and added to their scores. A score is a sum over clauses, so a collected hit ends with
 * exactly the score the whole query gives it; only a statement outside the first pass's window could have
 * climbed into it on trigrams alone. Scoring the trigrams of a long query over every match was most of the
 * time of a search (docs/search.md).
 *
 * @param words the query without its trigram clauses
 * @param grams what the trigram clauses add to a hit's score, each only where the clauses around it match;
 *     null when the query has none
 */
public record GramsRescore(Query words, Query grams) {
  /**
   * First-pass hits rescored (at least the page asked for). Measured with {@code bayan eval}: 300 ranks as the
   * whole query does on every set (Recall@100 of ant-titles 0.001 lower), 100 began to lose; a search with 300
   * runs about 35 % faster than scoring the trigrams over every match (docs/search.md).
   */
  static final int DEPTH = 300;

  /** True when the query has trigram clauses to score apart, beside words that match. */
  boolean splits() {
    return grams != null && words != null;
  }

  /** {@code query} without its trigram clauses: all of it that can match, and all a highlighter needs. */
  static Query withoutGrams(Query query) {
    GramsRescore split = of(query);
    return split.words == null ? query : split.words;
  }

  /** The best {@code n} hits of {@code query}, in the two passes' order and with the whole query's scores. */
  static TopDocs top(IndexSearcher searcher, Query query, int n) throws IOException {
    return top(searcher, query, n, n);
  }

  /**
   * {@link #top(IndexSearcher, Query, int)}, counting the matches exactly up to {@code countUpTo} (Lucene's
   * total hits threshold).
   */
  public static TopDocs top(IndexSearcher searcher, Query query, int n, int countUpTo) throws IOException {
    GramsRescore split = of(query);
    if (!split.splits()) return searcher.search(query, new TopScoreDocCollectorManager(n, null, countUpTo));
    int depth = Math.max(n, DEPTH);
    TopDocs rescored = split.rescore(searcher,
        searcher.search(split.words, new TopScoreDocCollectorManager(depth, null, Math.max(depth, countUpTo))), depth);
    return new TopDocs(rescored.totalHits, Arrays.copyOf(rescored.scoreDocs, Math.min(n, rescored.scoreDocs.length)));
  }

  /**
   * The first pass's best {@code depth} hits rescored and reordered, followed by the rest in first-pass order
   * (their scores are lower than any rescored hit's: trigrams only add); unchanged when the query has no
   * trigram clauses.
   */
  TopDocs rescore(IndexSearcher searcher, TopDocs firstPass, int depth) throws IOException {
    if (grams == null || firstPass.scoreDocs.length == 0) return firstPass;
    int n = Math.min(depth, firstPass.scoreDocs.length);
    TopDocs head = new TopDocs(firstPass.totalHits, Arrays.copyOf(firstPass.scoreDocs, n));
    TopDocs rescored = new QueryRescorer(grams) {
      @Override
      protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
        return secondPassMatches ? firstPassScore + secondPassScore : firstPassScore;
      }
    }.rescore(searcher, head, n);
    ScoreDoc[] all = firstPass.scoreDocs.clone();
    System.arraycopy(rescored.scoreDocs, 0, all, 0, n);
    return new TopDocs(firstPass.totalHits, all);
  }

  /** Splits {@code q} into its word part and its trigram part. */
  static GramsRescore of(Query q) {
    return of(q, true);
  }

  // `required`: every first-pass hit matches q (q is the root, or reached from it through required clauses).
  private static GramsRescore of(Query q, boolean required) {
    switch (q) {
      case GramsQuery g -> {
        return new GramsRescore(null, g);
      }
      case BoostQuery b -> {
        GramsRescore inner = of(b.getQuery(), required);
        if (inner.grams == null) return new GramsRescore(b, null);
        return new GramsRescore(inner.words == null ? null : new BoostQuery(inner.words, b.getBoost()),
            new BoostQuery(inner.grams, b.getBoost()));
      }
      case BooleanQuery bq -> {
        List<GramsRescore> parts = new ArrayList<>();
        boolean any = false;
        for (BooleanClause c : bq.clauses()) {
          boolean must = c.occur() == BooleanClause.Occur.MUST || c.occur() == BooleanClause.Occur.FILTER;
          GramsRescore p = c.occur() == BooleanClause.Occur.MUST_NOT ? new GramsRescore(c.query(), null)
              : of(c.query(), required && must);
          parts.add(p);
          any |= p.grams != null;
        }
        if (!any) return new GramsRescore(bq, null);
        BooleanQuery.Builder words = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
        BooleanQuery.Builder grams = new BooleanQuery.Builder();
        int wordClauses = 0;
        for (int i = 0; i < parts.size(); i++) {
          BooleanClause.Occur occur = bq.clauses().get(i).occur();
          GramsRescore p = parts.get(i);
          if (p.words != null) {
            words.add(p.words, occur);
            wordClauses++;
            // The trigram scores of this query count only where its required clauses hold: a given for every
            // hit when this query is itself required (so not checked again: building those clauses' scorers
            // was half the cost of rescoring), to be checked when it is optional (a claim's keyword part).
            if (!required && (occur == BooleanClause.Occur.MUST || occur == BooleanClause.Occur.FILTER)) {
              grams.add(p.words, BooleanClause.Occur.FILTER);
            }
          }
          if (p.grams != null) grams.add(p.grams, BooleanClause.Occur.SHOULD);
        }
        return new GramsRescore(wordClauses == 0 ? null : words.build(), grams.build());
      }
      default -> {
        return new GramsRescore(q, null);
      }
    }
  }
}
