package org.bayan.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;

/**
 * The character-trigram clauses of a plain-text query: a disjunction of weighted trigram terms, of which only
 * the {@link #MAX_TERMS} rarest in the index are scored. A sentence of ten words has a hundred trigrams or
 * more; the common ones (pieces of ال, ات, ين inside longer words) weigh little — their idf is a fraction of a
 * rare one's — while their postings are among the longest of the index, and scoring all of them made a search
 * five times slower than without trigrams. The rarest carry what tells statements apart, the same reasoning
 * as MoreLikeThis's cap on query terms (also 25).
 *
 * <p>Lucene runs it as the disjunction it rewrites to, with this index's statistics; another engine's
 * translation calls {@link #kept} with that engine's, so both score the same terms.
 */
public final class GramsQuery extends Query {
  /**
   * Trigram terms (a trigram in one field) scored per query. Measured with {@code bayan eval} and the search
   * benchmark (docs/arabic-analysis.md): 25 to 40 and no cap rank the same on every set (within 0.002), 20
   * begins to lose; each term less is faster.
   */
  public static final int MAX_TERMS = 25;

  /** A term and its weight; a trigram the query holds twice is listed twice and counts twice. */
  public record Weighted(Term term, float weight) {}

  private final List<Weighted> terms;
  private final ReaderDocFrequencies frequencies; // where rewrite looks up this index's; not part of equality

  GramsQuery(List<Weighted> terms) {
    this(terms, null);
  }

  /** With {@code frequencies} null, rewrite looks every term up again. */
  GramsQuery(List<Weighted> terms, ReaderDocFrequencies frequencies) {
    this.terms = List.copyOf(terms);
    this.frequencies = frequencies;
  }

  /** The weighted terms of the query, before the common ones are left out. */
  public List<Weighted> terms() {
    return terms;
  }

  /**
   * The disjunction of the {@link #MAX_TERMS} rarest terms under {@code stats} (ties: the earlier in the
   * query); a term no statement holds is left out too. Match-nothing when no term is left.
   */
  public Query kept(DocFrequencies stats) {
    Map<Term, Integer> firstSeen = new LinkedHashMap<>();
    for (Weighted t : terms) firstSeen.putIfAbsent(t.term(), firstSeen.size());
    Map<Term, Integer> df = stats.docFreqs(firstSeen.keySet());
    List<Term> candidates = new ArrayList<>();
    for (Term t : firstSeen.keySet()) {
      if (df.getOrDefault(t, 0) > 0) candidates.add(t);
    }
    candidates.sort(Comparator.comparingInt((Term t) -> df.get(t)).thenComparingInt(firstSeen::get));
    Set<Term> rarest = new HashSet<>(candidates.subList(0, Math.min(MAX_TERMS, candidates.size())));
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int kept = 0;
    for (Weighted t : terms) {
      if (!rarest.contains(t.term())) continue;
      Query q = new TermQuery(t.term());
      any.add(t.weight() == 1f ? q : new BoostQuery(q, t.weight()), BooleanClause.Occur.SHOULD);
      kept++;
    }
    return kept == 0 ? new MatchNoDocsQuery("no trigram of the query is in the index") : any.build();
  }

  @Override
  public Query rewrite(IndexSearcher searcher) {
    IndexReader reader = searcher.getIndexReader();
    return kept(frequencies == null ? DocFrequencies.of(reader) : frequencies.of(reader));
  }

  @Override
  public void visit(QueryVisitor visitor) {
    QueryVisitor sub = visitor.getSubVisitor(BooleanClause.Occur.SHOULD, this);
    for (Weighted t : terms) {
      if (visitor.acceptField(t.term().field())) sub.consumeTerms(this, t.term());
    }
  }

  @Override
  public String toString(String defaultField) {
    StringBuilder s = new StringBuilder("Grams(");
    for (Weighted t : terms) {
      if (s.length() > 6) s.append(' ');
      s.append(t.term().field().equals(defaultField) ? "" : t.term().field() + ":").append(t.term().text())
          .append('^').append(t.weight());
    }
    return s.append(')').toString();
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && terms.equals(((GramsQuery) o).terms);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), terms);
  }
}
