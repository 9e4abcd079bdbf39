package org.bayan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/** Which trigrams of a query are scored: the rarest in the index, as many as {@link GramsQuery#MAX_TERMS}. */
class GramsQueryTest {
  /** Statistics where term "gN" is held by N statements. */
  static DocFrequencies stats() {
    return new DocFrequencies() {
      @Override
      public int numDocs() {
        return 100_000;
      }

      @Override
      public Map<Term, Integer> docFreqs(Collection<Term> terms) {
        Map<Term, Integer> out = new LinkedHashMap<>();
        for (Term t : terms) out.put(t, Integer.parseInt(t.text().substring(1)));
        return out;
      }
    };
  }

  static List<String> scored(Query q) {
    List<String> out = new ArrayList<>();
    if (q instanceof MatchNoDocsQuery) return out;
    for (BooleanClause c : ((BooleanQuery) q).clauses()) {
      Query leaf = c.query() instanceof BoostQuery b ? b.getQuery() : c.query();
      out.add(((TermQuery) leaf).getTerm().text());
    }
    return out;
  }

  @Test
  void the_rarest_terms_are_scored_in_query_order_and_the_common_ones_left_out() {
    List<GramsQuery.Weighted> terms = new ArrayList<>();
    // 40 trigrams held by 1,000 down to 40 statements (query order: common first), and one no statement holds.
    for (int i = 0; i < 40; i++) terms.add(new GramsQuery.Weighted(new Term("body.ar.grams", "g" + (1000 - 24 * i)), 0.3f));
    terms.add(new GramsQuery.Weighted(new Term("body.ar.grams", "g0"), 0.3f));
    List<String> kept = scored(new GramsQuery(terms).kept(stats()));
    assertEquals(GramsQuery.MAX_TERMS, kept.size());
    assertEquals("g" + (1000 - 24 * 15), kept.getFirst(), "the 25 rarest are the last 25 of the query, kept in its order");
    assertEquals("g" + (1000 - 24 * 39), kept.getLast());
  }

  @Test
  void a_trigram_the_query_holds_twice_counts_twice_and_weights_are_kept() {
    Term t = new Term("title.ar.grams", "g5");
    Query q = new GramsQuery(List.of(new GramsQuery.Weighted(t, 0.6f), new GramsQuery.Weighted(t, 0.6f))).kept(stats());
    assertEquals(List.of("g5", "g5"), scored(q));
    assertEquals(0.6f, ((BoostQuery) ((BooleanQuery) q).clauses().getFirst().query()).getBoost());
  }

  @Test
  void nothing_to_score_when_no_statement_holds_any_trigram() {
    Query q = new GramsQuery(List.of(new GramsQuery.Weighted(new Term("body.ar.grams", "g0"), 0.3f))).kept(stats());
    assertInstanceOf(MatchNoDocsQuery.class, q);
  }
}
