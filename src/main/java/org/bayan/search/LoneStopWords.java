package org.bayan.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.bayan.index.Fields;

/**
 * Stop words typed as words of their own. The exact twins have no stop-word list (a phrase must hold every
 * word), so a typed في or من matches and ranks there as a word too; marking each one in a passage would hide
 * the words that matched. What the highlighters are given leaves such words out; inside a phrase they are
 * still marked.
 */
final class LoneStopWords {
  private LoneStopWords() {}

  /** Whether the stemmed field beside {@code exactField} leaves {@code word} out. */
  static boolean isStopWord(Analyzer analyzer, String exactField, String word) {
    String main = exactField.substring(0, exactField.length() - Fields.EXACT_SUFFIX.length());
    try (TokenStream ts = analyzer.tokenStream(main, word)) {
      ts.reset();
      boolean any = ts.incrementToken();
      ts.end();
      return !any;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code q} without the term clauses that look up a stop word on an exact twin; null when nothing else is
   * left. Walks boolean and boost queries; other queries (phrases, prefixes) are kept whole.
   */
  static Query without(Query q, Analyzer analyzer) {
    switch (q) {
      case TermQuery t -> {
        String field = t.getTerm().field();
        return field.endsWith(Fields.EXACT_SUFFIX) && isStopWord(analyzer, field, t.getTerm().text()) ? null : q;
      }
      case BoostQuery b -> {
        Query inner = without(b.getQuery(), analyzer);
        return inner == null ? null : inner == b.getQuery() ? q : new BoostQuery(inner, b.getBoost());
      }
      case BooleanQuery bq -> {
        BooleanQuery.Builder kept = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
        int n = 0;
        boolean changed = false;
        for (BooleanClause c : bq.clauses()) {
          Query k = c.occur() == BooleanClause.Occur.MUST_NOT ? c.query() : without(c.query(), analyzer);
          changed |= k != c.query();
          if (k == null) continue;
          kept.add(k, c.occur());
          if (c.occur() != BooleanClause.Occur.MUST_NOT) n++;
        }
        return n == 0 ? null : changed ? kept.build() : q;
      }
      default -> {
        return q;
      }
    }
  }
}
