package org.bayan.search.claims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.bayan.search.KeywordQueries;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.bayan.index.Fields;
import org.bayan.index.LuceneIndex;
import org.bayan.search.AgencyRef;
import org.bayan.search.Filters;
import org.bayan.search.SearchService;
import org.bayan.statement.Agency;

/**
 * Claim lookup: the statements that confirm or deny a pasted claim, each with its evidence sentences, a
 * citation and a schema.org description. Thread-safe.
 */
public final class ClaimService {
  private final LuceneIndex index;
  private final Function<String, Optional<Agency>> agencies;
  private final ClaimQueries queries;
  private final EvidenceFinder evidence;
  private final Similarity similarity; // null: the index's own
  private final KeywordQueries keyword;

  public ClaimService(LuceneIndex index, Function<String, Optional<Agency>> agencies) {
    this(index, agencies, ClaimTuning.DEFAULT);
  }

  public ClaimService(LuceneIndex index, Function<String, Optional<Agency>> agencies, ClaimTuning tuning) {
    this.index = index;
    this.agencies = agencies;
    this.queries = new ClaimQueries(index.analyzer(), tuning);
    this.evidence = new EvidenceFinder(queries);
    this.similarity = tuning.k1() > 0 ? new BM25Similarity(tuning.k1(), tuning.b()) : null;
    this.keyword = new KeywordQueries(index.analyzer());
  }

  /**
   * Weight of the salient-term query beside the keyword ranking of the whole claim. The keyword ranking (every
   * word of the claim, as {@code /api/search} ranks plain words) is the base; the salient terms, numbers,
   * names and word pairs add to it. Measured with {@code bayan eval --mode claim}: 0.5 was best on ans-train
   * (0.7233 against 0.7215 for keywords alone; 0.2, 1.0 and 2.0 lower) and held on ans-dev (0.7100 against
   * 0.7079); the salient query alone scored 0.7216 / 0.7018.
   */
  static final float SALIENT_WEIGHT = 0.5f;

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
   * The searcher to score with: the index's own (its per-field BM25), unless a tuning run sets BM25
   * parameters of its own (a searcher over the same reader: cheap, no caches).
   */
  private IndexSearcher claimSearcher(IndexSearcher shared) {
    if (similarity == null) return shared;
    IndexSearcher s = new IndexSearcher(shared.getIndexReader());
    s.setSimilarity(similarity);
    return s;
  }

  /** The hits of {@link #search}, for callers that want only them. */
  public List<ClaimHit> lookup(ClaimRequest req) {
    return search(req).hits();
  }

  public ClaimResponse search(ClaimRequest req) {
    long start = System.nanoTime();
    IndexSearcher searcher = index.acquire();
    try {
      ClaimQueries.Built built = queries.build(req.text(), searcher.getIndexReader());
      Query query = Filters.apply(rankingQuery(req.text(), built), req.agencies(), req.language(), req.from(),
          req.to(), req.types());
      TopDocs top = claimSearcher(searcher).search(query,
          new TopScoreDocCollectorManager(req.limit(), null, SearchService.TOTAL_HITS_THRESHOLD));
      Map<String, Map<String, Float>> forms = built.formsByLanguage();
      StoredFields stored = searcher.storedFields();
      List<ClaimHit> hits = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc sd : top.scoreDocs) hits.add(hit(stored.document(sd.doc), sd.score, forms, req.origin()));
      List<String> terms = built.terms().stream().map(ClaimQueries.Salient::term).toList();
      return new ClaimResponse(terms, top.totalHits.value(), (System.nanoTime() - start) / 1_000_000, hits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      index.release(searcher);
    }
  }

  /** Statement ids for a claim, best first, at most {@code n}: the ranking of {@link #search} without filters. */
  public List<String> rankedIds(String claim, int n) {
    IndexSearcher searcher = index.acquire();
    try {
      String text = claim == null ? "" : claim;
      Query q = rankingQuery(text, queries.build(text, searcher.getIndexReader()));
      TopDocs top = claimSearcher(searcher).search(q, n);
      StoredFields stored = searcher.storedFields();
      List<String> ids = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc sd : top.scoreDocs) ids.add(stored.document(sd.doc, java.util.Set.of(Fields.ID)).get(Fields.ID));
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      index.release(searcher);
    }
  }

  private ClaimHit hit(Document d, float score, Map<String, Map<String, Float>> forms, String origin) {
    String lang = Fields.indexLanguage(d.get(Fields.LANGUAGE));
    Map<String, Float> f = forms.get(lang);
    String id = d.get(Fields.ID);
    String agencyId = d.get(Fields.AGENCY);
    Agency agency = agencies.apply(agencyId).orElse(null);
    String titleText = d.get(Fields.title(lang));
    String published = d.get(Fields.PUBLISHED);
    String hash = d.get(Fields.CONTENT_HASH);
    String permalink = (origin == null ? "" : origin) + "/s/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    List<Evidence> ev = evidence.find(Fields.body(lang), d.get(Fields.body(lang)), f);
    String title = evidence.markAll(Fields.title(lang), titleText, f);
    return new ClaimHit(id, AgencyRef.of(agencyId, agency), title, published, permalink, d.get(Fields.SOURCE_URL),
        d.get(Fields.LANGUAGE), d.get(Fields.TYPE), score, d.getField(Fields.VERSION).numericValue().intValue(),
        hash, ev, Citations.text(agency, agencyId, titleText, published, permalink, hash, lang),
        Citations.jsonLd(agency, agencyId, titleText, published, permalink, d.get(Fields.SOURCE_URL), hash, lang,
            d.get(Fields.TYPE), d.getField(Fields.VERSION).numericValue().intValue()));
  }
}
