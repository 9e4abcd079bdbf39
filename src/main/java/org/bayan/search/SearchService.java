package org.bayan.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.bayan.index.Fields;
import org.bayan.index.LuceneIndex;
import org.bayan.statement.Agency;

/** Keyword search over the index: query, filters, paging, highlighting. Thread-safe. */
public final class SearchService {
  public static final int TOTAL_HITS_THRESHOLD = 10_000;

  private final LuceneIndex index;
  private final Function<String, Optional<Agency>> agencies;
  private final KeywordQueries queries;

  public SearchService(LuceneIndex index, Function<String, Optional<Agency>> agencies) {
    this.index = index;
    this.agencies = agencies;
    this.queries = new KeywordQueries(index.analyzer());
  }

  public SearchResponse search(SearchRequest req) {
    long start = System.nanoTime();
    Query text = queries.parse(req.query());
    Query query = withFilters(text, req);
    boolean browse = text instanceof MatchAllDocsQuery;
    int n = req.page() * req.size();
    IndexSearcher searcher = index.acquire();
    try {
      TopDocs top = browse
          ? searcher.search(query, new TopFieldCollectorManager(newestFirst(), n, null, TOTAL_HITS_THRESHOLD))
          : searcher.search(query, new TopScoreDocCollectorManager(n, null, TOTAL_HITS_THRESHOLD));
      ScoreDoc[] page = slice(top.scoreDocs, (req.page() - 1) * req.size(), req.size());
      List<Hit> hits = toHits(searcher, text, new TopDocs(top.totalHits, page), browse);
      long took = (System.nanoTime() - start) / 1_000_000;
      return new SearchResponse(req.query(), top.totalHits.value(), took, req.page(), req.size(), hits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      index.release(searcher);
    }
  }

  /**
   * The ids of the best {@code n} statements for a request, best first, without highlighting: the query is
   * built exactly as {@link #search} builds it, so measuring this measures what users get.
   */
  public List<String> rankedIds(SearchRequest req, int n) {
    Query query = withFilters(queries.parse(req.query()), req);
    IndexSearcher searcher = index.acquire();
    try {
      TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(n, null, n));
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

  /** Number of statements of each agency, for those that have any. */
  public Map<String, Long> countByAgency(List<String> agencyIds) {
    IndexSearcher searcher = index.acquire();
    try {
      Map<String, Long> out = new java.util.LinkedHashMap<>();
      for (String id : agencyIds) out.put(id, (long) searcher.count(new TermQuery(new Term(Fields.AGENCY, id))));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      index.release(searcher);
    }
  }

  /** Statements currently searchable. */
  public int size() {
    IndexSearcher searcher = index.acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      index.release(searcher);
    }
  }

  private static Query withFilters(Query text, SearchRequest req) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
    if (!req.agencies().isEmpty()) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String a : req.agencies()) any.add(new TermQuery(new Term(Fields.AGENCY, a)), BooleanClause.Occur.SHOULD);
      b.add(any.build(), BooleanClause.Occur.FILTER);
    }
    if (req.language() != null) {
      b.add(new TermQuery(new Term(Fields.LANGUAGE, req.language())), BooleanClause.Occur.FILTER);
    }
    if (req.from() != null || req.to() != null) {
      long lo = req.from() == null ? Long.MIN_VALUE : req.from().toEpochMilli();
      long hi = req.to() == null ? Long.MAX_VALUE : req.to().toEpochMilli();
      b.add(LongPoint.newRangeQuery(Fields.PUBLISHED, lo, hi), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  private static Sort newestFirst() {
    return new Sort(new SortField(Fields.PUBLISHED, SortField.Type.LONG, true), SortField.FIELD_DOC);
  }

  private static ScoreDoc[] slice(ScoreDoc[] all, int from, int size) {
    if (from >= all.length) return new ScoreDoc[0];
    return java.util.Arrays.copyOfRange(all, from, Math.min(all.length, from + size));
  }

  private List<Hit> toHits(IndexSearcher searcher, Query text, TopDocs page, boolean browse) throws IOException {
    List<Hit> hits = new ArrayList<>(page.scoreDocs.length);
    if (page.scoreDocs.length == 0) return hits;
    String[] titles = Fields.LANGUAGES.stream().map(Fields::title).toArray(String[]::new);
    String[] bodies = Fields.LANGUAGES.stream().map(Fields::body).toArray(String[]::new);
    Map<String, String[]> t = Snippets.highlight(searcher, index.analyzer(), text, page, titles, true);
    Map<String, String[]> s = Snippets.highlight(searcher, index.analyzer(), text, page, bodies, false);
    StoredFields stored = searcher.storedFields();
    for (int i = 0; i < page.scoreDocs.length; i++) {
      ScoreDoc sd = page.scoreDocs[i];
      Document d = stored.document(sd.doc);
      String lang = Fields.indexLanguage(d.get(Fields.LANGUAGE));
      String title = t.get(Fields.title(lang))[i];
      if (title == null) title = Snippets.escape(d.get(Fields.title(lang)));
      String snippet = s.get(Fields.body(lang))[i];
      if (snippet == null) snippet = Snippets.escape(lead(d.get(Fields.body(lang))));
      String agencyId = d.get(Fields.AGENCY);
      hits.add(new Hit(
          d.get(Fields.ID), AgencyRef.of(agencyId, agencies.apply(agencyId).orElse(null)), title, snippet,
          d.get(Fields.PUBLISHED), d.get(Fields.SOURCE_URL), d.get(Fields.LANGUAGE),
          browse ? 0f : sd.score, d.getField(Fields.VERSION).numericValue().intValue(),
          d.get(Fields.CONTENT_HASH)));
    }
    return hits;
  }

  private static String lead(String body) {
    if (body == null) return "";
    if (body.length() <= Snippets.SNIPPET_CHARS) return body;
    int cut = body.lastIndexOf(' ', Snippets.SNIPPET_CHARS);
    return body.substring(0, cut > 0 ? cut : Snippets.SNIPPET_CHARS) + " …";
  }
}
