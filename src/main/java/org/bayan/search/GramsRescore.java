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
 * {@link #DEPTH} hits and added to their scores. A score is a sum over clauses, so a rescored hit ends with
 * exactly the score the whole query gives it; only a statement outside the first pass's window could have
 * climbed into it on trigrams alone. Hits past the window keep their first-pass scores and come after every
 * rescored hit, in first-pass order: one order for every page, page size and cursor ({@link Head}). Scoring the trigrams of a long query over every match was most of the
 * time of a search (docs/search.md).
 *
 * @param words the query without its trigram clauses
 * @param grams what the trigram clauses add to a hit's score, each only where the clauses around it match;
 *     null when the query has none
 */
public record GramsRescore(Query words, Query grams) {
  /**
   * First-pass hits rescored, whatever the page asked for: the same hits for every page, so that the pages of one
   * result list line up (a page past them lists the first pass's later hits, after every rescored one). Measured with {@code bayan eval}: 300 ranks as the
   * whole query does on every set (Recall@100 of ant-titles 0.001 lower), 100 began to lose; a search with 300
   * runs about 35 % faster than scoring the trigrams over every match (docs/search.md).
   */
  public static final int DEPTH = 300;

  /** True when the query has trigram clauses to score apart, beside words that match. */
  public boolean splits() {
    return grams != null && words != null;
  }

  /** {@code query} without its trigram clauses: all of it that can match, and all a highlighter needs. */
  static Query withoutGrams(Query query) {
    GramsRescore split = of(query);
    return split.words == null ? query : split.words;
  }

  /**
   * The best {@code n} hits of {@code query}, in the two passes' order (the order of {@code /api/search}), the
   * first {@link #DEPTH} with the whole query's scores.
   */
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
        searcher.search(split.words, new TopScoreDocCollectorManager(depth, null, Math.max(depth, countUpTo))), DEPTH);
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
    // Ties in document order, as every other pass breaks them: the order a cursor continues in (Head.isAfter).
    Arrays.sort(all, 0, n, (a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
    return new TopDocs(firstPass.totalHits, all);
  }

  /**
   * The first pass of the head of this query's relevance order, for a page after a cursor: the best
   * {@link #DEPTH} hits of the words, to be rescored and reordered as a first page has them ({@link #head}).
   */
  TopDocs headPass(IndexSearcher searcher) throws IOException {
    return searcher.search(words, new TopScoreDocCollectorManager(DEPTH, null, DEPTH));
  }

  /** The head of the order from its first pass ({@link #headPass}), rescored. */
  Head head(IndexSearcher searcher, TopDocs first) throws IOException {
    ScoreDoc[] fs = first.scoreDocs;
    // Copied before rescoring, which changes the scores of the hits it is given.
    ScoreDoc last = fs.length < DEPTH ? null : new ScoreDoc(fs[fs.length - 1].doc, fs[fs.length - 1].score);
    return new Head(words, rescore(searcher, first, DEPTH), last);
  }

  /**
   * The rescored hits that open a relevance order and where the first pass's order takes over after them.
   *
   * @param words the query without its trigram clauses (the first pass)
   * @param hits the first pass's best {@link #DEPTH} hits with the whole query's scores, best first
   * @param boundary the first pass's {@link #DEPTH}-th hit with its first-pass score: every later hit of the
   *     first pass comes after the head, in first-pass order; null when the first pass has no more hits
   */
  record Head(Query words, TopDocs hits, ScoreDoc boundary) {
    /** Whether {@code a} comes after {@code b} in relevance order (lower score, or equal score and later doc). */
    static boolean isAfter(ScoreDoc a, ScoreDoc b) {
      return a.score < b.score || (a.score == b.score && a.doc > b.doc);
    }

    /** The best {@code n} hits after {@code after} that are not in the head, in first-pass order. */
    TopDocs tailAfter(IndexSearcher searcher, ScoreDoc after, int n, int countUpTo) throws IOException {
      if (boundary == null) return new TopDocs(hits.totalHits, new ScoreDoc[0]);
      ScoreDoc from = isAfter(after, boundary) ? after : boundary;
      return searcher.search(words, new TopScoreDocCollectorManager(n, from, countUpTo));
    }

    /** The head's hits after {@code after}, then {@code tail} (from {@link #tailAfter}). */
    TopDocs after(ScoreDoc after, TopDocs tail) {
      List<ScoreDoc> out = new ArrayList<>();
      for (ScoreDoc h : hits.scoreDocs) {
        if (isAfter(h, after)) out.add(h);
      }
      out.addAll(Arrays.asList(tail.scoreDocs));
      return new TopDocs(tail.totalHits, out.toArray(ScoreDoc[]::new));
    }
  }

  /**
   * Splits {@code q} into its word part and its trigram part; the OpenSearch engine splits its queries here too,
   * so a cluster's {@code rescore} adds to a hit what this rescorer adds.
   */
  public static GramsRescore of(Query q) {
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
