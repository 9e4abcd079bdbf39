package org.bayan.search.claims;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.bayan.index.Fields;
import org.bayan.index.LuceneIndex;
import org.bayan.search.AgencyRef;
import org.bayan.search.DuplicateRef;
import org.bayan.search.Filters;
import org.bayan.search.KeywordQueries;
import org.bayan.search.SearchService;
import org.bayan.statement.Agency;

/**
 * Claim lookup: the statements that confirm or deny a pasted claim, each with its evidence sentences, a
 * citation and a schema.org description. The query is built here and run by the engine ({@link ClaimIndex});
 * evidence, marks and citations come from the statements' text, so every engine answers alike. Thread-safe.
 */
public final class ClaimService {
  private final ClaimIndex index;
  private final Function<String, Optional<Agency>> agencies;
  private final ClaimQueries queries;
  private final EvidenceFinder evidence;
  private final KeywordQueries keyword;
  private final PublishedText published;
  private final Function<String, List<DuplicateRef>> duplicates;

  /**
   * A statement's body as published (the store's text of that version), when the engine's stored body may
   * differ: the index keeps a block pasted twice once, and evidence offsets must point into the body that
   * {@code GET /api/statements/{id}} returns.
   */
  @FunctionalInterface
  public interface PublishedText {
    Optional<String> body(String id, int version);

    /** The index's own text (exact for every statement without a repeated block). */
    PublishedText INDEXED = (id, version) -> Optional.empty();
  }

  public ClaimService(LuceneIndex index, Function<String, Optional<Agency>> agencies) {
    this(index, agencies, ClaimTuning.DEFAULT);
  }

  public ClaimService(LuceneIndex index, Function<String, Optional<Agency>> agencies, ClaimTuning tuning) {
    this(new LuceneClaimIndex(index, tuning), index.analyzer(), agencies, tuning, PublishedText.INDEXED,
        new SearchService(index, agencies)::duplicatesOf);
  }

  /** Over the embedded index, with evidence offsets into the published text of each statement. */
  public ClaimService(LuceneIndex index, Function<String, Optional<Agency>> agencies, PublishedText published) {
    this(new LuceneClaimIndex(index, ClaimTuning.DEFAULT), index.analyzer(), agencies, ClaimTuning.DEFAULT,
        published, new SearchService(index, agencies)::duplicatesOf);
  }

  /**
   * Over any engine.
   *
   * @param perFieldAnalyzer the analyzer the index was built with: the claim is analyzed by the same chains
   */
  public ClaimService(ClaimIndex index, Analyzer perFieldAnalyzer, Function<String, Optional<Agency>> agencies,
      ClaimTuning tuning) {
    this(index, perFieldAnalyzer, agencies, tuning, PublishedText.INDEXED);
  }

  /** Over any engine, with evidence offsets into the published text of each statement. */
  public ClaimService(ClaimIndex index, Analyzer perFieldAnalyzer, Function<String, Optional<Agency>> agencies,
      ClaimTuning tuning, PublishedText published) {
    this(index, perFieldAnalyzer, agencies, tuning, published, id -> List.of());
  }

  /**
   * @param duplicates the other statements of a statement's duplicate group, listed beside a hit (as the
   *     engine's search lists them)
   */
  private ClaimService(ClaimIndex index, Analyzer perFieldAnalyzer, Function<String, Optional<Agency>> agencies,
      ClaimTuning tuning, PublishedText published, Function<String, List<DuplicateRef>> duplicates) {
    this.duplicates = duplicates;
    this.published = published;
    this.index = index;
    this.agencies = agencies;
    this.queries = new ClaimQueries(perFieldAnalyzer, tuning);
    this.evidence = new EvidenceFinder(queries);
    this.keyword = new KeywordQueries(perFieldAnalyzer);
  }

  /**
   * Weight of the salient-term query beside the keyword ranking of the whole claim. The keyword ranking (every
   * word of the claim, as {@code /api/search} ranks plain words) is the base; the salient terms, numbers,
   * names and word pairs add to it. Measured with {@code bayan eval --mode claim}: once the keyword ranking
   * had character trigrams, 0.25 was best on ans-train (0.7363; 0.5 gave 0.7352, 1.0 0.7335) and held on
   * ans-dev (0.7254 against 0.7248 for keywords alone). Before trigrams 0.5 was best (0.7233 against 0.7215).
   */
  static final float SALIENT_WEIGHT = 0.25f;

  /**
   * The ranked query of a claim: the keyword ranking of its words over the fields of the claim's own language,
   * plus the weighted salient-term query. Statements in the other language are reached through the salient
   * query alone, where what the other chain finds in the claim (mostly its numbers) already counts for less.
   */
  private Query rankingQuery(String claim, ClaimQueries.Built built) {
    return new BooleanQuery.Builder()
        .add(keyword.plainText(claim, ClaimQueries.dominantLanguage(claim)), BooleanClause.Occur.SHOULD)
        .add(new BoostQuery(built.query(), SALIENT_WEIGHT), BooleanClause.Occur.SHOULD)
        .build();
  }

  /**
   * Below this coverage share (of the claim's idf-weighted words, {@link Coverage}) a hit is marked as a weak
   * match. Chosen on ans-train and confirmed on ans-dev (docs/claims.md, "Coverage and weak matches").
   */
  public static final double WEAK_MATCH_BELOW = 0.4;

  /** The hits of {@link #search}, for callers that want only them. */
  public List<ClaimHit> lookup(ClaimRequest req) {
    return search(req).hits();
  }

  public ClaimResponse search(ClaimRequest req) {
    long start = System.nanoTime();
    try (ClaimIndex.View view = index.open()) {
      ClaimQueries.Built built = queries.build(req.text(), view.statistics());
      Query query = Filters.apply(rankingQuery(req.text(), built), req.agencies(), req.language(), req.from(),
          req.to(), req.types());
      ClaimIndex.Found found = view.searchDistinct(query, req.limit(), SearchService.TOTAL_HITS_THRESHOLD);
      List<ClaimHit> hits = new ArrayList<>(found.statements().size());
      Map<String, Map<String, Float>> forms = built.formsByLanguage();
      for (ClaimIndex.Statement s : found.statements()) hits.add(hit(s, built, forms, req.origin()));
      List<String> terms = built.terms().stream().map(ClaimQueries.Salient::term).toList();
      List<String> words = built.words().get(ClaimQueries.dominantLanguage(req.text())).stream()
          .map(ClaimQueries.Word::surface).distinct().toList();
      return new ClaimResponse(terms, words, built.unknown(), WEAK_MATCH_BELOW, found.total(),
          (System.nanoTime() - start) / 1_000_000, hits);
    }
  }

  /** Statement ids for a claim, best first, at most {@code n}: the ranking of {@link #search} without filters. */
  public List<String> rankedIds(String claim, int n) {
    try (ClaimIndex.View view = index.open()) {
      String text = claim == null ? "" : claim;
      Query q = rankingQuery(text, queries.build(text, view.statistics()));
      return view.search(q, n, n).statements().stream().map(ClaimIndex.Statement::id).toList();
    }
  }

  private ClaimHit hit(ClaimIndex.Statement s, ClaimQueries.Built built, Map<String, Map<String, Float>> forms,
      String origin) {
    String lang = Fields.indexLanguage(s.language());
    Map<String, Float> f = forms.get(lang);
    String id = s.id();
    Agency agency = s.agency() == null ? null : agencies.apply(s.agency()).orElse(null);
    String permalink = org.bayan.search.Permalinks.of(origin, id);
    String body = published.body(id, s.version()).orElse(s.body());
    List<Evidence> ev = evidence.find(Fields.body(lang), body, f);
    String title = evidence.markAll(Fields.title(lang), s.title(), f);
    Coverage coverage = Coverage.of(built.words().get(lang), termsOf(lang, s.title(), body));
    return new ClaimHit(id, AgencyRef.of(s.agency(), agency), title, s.publishedAt(), permalink, s.sourceUrl(),
        s.language(), s.type(), s.score(), coverage, coverage.share() < WEAK_MATCH_BELOW, s.version(),
        s.contentHash(), ev, duplicates.apply(id),
        Citations.text(agency, s.agency(), s.title(), s.publishedAt(), permalink, s.contentHash(), s.sourceUrl(), lang),
        Citations.jsonLd(agency, s.agency(), s.title(), s.publishedAt(), permalink, s.sourceUrl(), s.contentHash(),
            lang, s.type(), s.version()));
  }

  /** Every term of a statement's title and body, as the index's chains analyze them. */
  private Set<String> termsOf(String lang, String title, String body) {
    Set<String> out = new HashSet<>();
    if (title != null) for (ClaimQueries.Token t : queries.analyze(Fields.title(lang), title)) out.add(t.term());
    if (body != null) for (ClaimQueries.Token t : queries.analyze(Fields.body(lang), body)) out.add(t.term());
    return out;
  }
}
