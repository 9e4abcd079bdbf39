package org.bayan.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.bayan.index.Fields;
import org.bayan.index.LuceneIndex;
import org.bayan.search.query.ParsedQuery;
import org.bayan.search.query.QueryLanguage;
import org.bayan.statement.Agency;

/** Search over the index: query language, filters, facets, order, paging, highlighting, spelling. Thread-safe. */
public final class SearchService {
  public static final int TOTAL_HITS_THRESHOLD = 10_000;
  /**
   * Past {@link #TOTAL_HITS_THRESHOLD} matches, facets count this many best hits instead of every match: a long
   * OR query matching most of the collection would otherwise spend most of its time visiting every match.
   */
  public static final int FACET_SAMPLE = 1_000;
  /** Below this many hits, a corrected query is looked for. */
  static final int FEW_HITS = 3;
  static final int MAX_AGENCY_FACETS = 20;

  private final LuceneIndex index;
  private final Function<String, Optional<Agency>> agencies;
  private final QueryLanguage language = new QueryLanguage();
  private final KeywordQueries queries;
  private final QueryCompiler compiler;
  private final Spelling spelling;

  public SearchService(LuceneIndex index, Function<String, Optional<Agency>> agencies) {
    this.index = index;
    this.agencies = agencies;
    this.queries = new KeywordQueries(index.analyzer());
    this.compiler = new QueryCompiler(queries);
    this.spelling = new Spelling(index.analyzer());
  }

  public SearchResponse search(SearchRequest req) {
    return search(req, true);
  }

  /** With {@code facets} false, no facet counts and no spelling suggestion (e.g. for feeds). */
  public SearchResponse search(SearchRequest req, boolean facets) {
    long start = System.nanoTime();
    ParsedQuery parsed = language.parse(req.query());
    QueryCompiler.Compiled compiled = compiler.compile(parsed);
    Query query = Filters.apply(compiled.query(), req);
    SortOrder order = compiled.browse() && req.effectiveSort() == SortOrder.RELEVANCE
        ? SortOrder.NEWEST : req.effectiveSort();
    int skip = (req.page() - 1) * req.size();
    int n = skip + req.size();
    IndexSearcher searcher = index.acquire();
    try {
      CollectorManager<?, ? extends TopDocs> top = topDocs(order, n, req.cursor(), searcher, TOTAL_HITS_THRESHOLD);
      // Two passes: the top hits with dynamic pruning (WAND skips what cannot reach the page), and the facet
      // counts without scoring. One combined pass would score every matching statement.
      TopDocs docs = searcher.search(query, top);
      // Up to TOTAL_HITS_THRESHOLD matches, the top-hits pass counted them all and facets count them all too;
      // past it, facets count the best FACET_SAMPLE hits and say so (a pruned pass, like the first one).
      boolean many = docs.totalHits.relation() == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO;
      Map<String, Map<String, Long>> counts = !facets ? null
          : many ? FacetCounts.over(searcher, docs.scoreDocs.length >= FACET_SAMPLE ? docs.scoreDocs
              : searcher.search(query, topDocs(order, FACET_SAMPLE, null, searcher, FACET_SAMPLE)).scoreDocs)
          : searcher.search(query, new FacetCounts());
      ScoreDoc[] page = slice(docs.scoreDocs, skip, req.size());
      List<Hit> hits = toHits(searcher, compiled.highlight(), new TopDocs(docs.totalHits, page), compiled.browse());
      long total = counts != null && !many ? counts.getOrDefault(FacetCounts.MATCHED, Map.of()).getOrDefault("", 0L)
          : docs.totalHits.value();
      String next = page.length == req.size() && page.length > 0 && (skip + page.length < total || req.cursor() != null)
          ? cursorAfter(page[page.length - 1], order).encode(req.fingerprint()) : null;
      String didYouMean = facets && total < FEW_HITS ? didYouMean(parsed, searcher, req, total) : null;
      long took = (System.nanoTime() - start) / 1_000_000;
      return new SearchResponse(req.query(), total, took, req.page(), req.size(), order.param(), hits,
          counts == null ? null : facetValues(counts), counts != null && many, next, didYouMean);
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
    Query query = Filters.apply(queries.freeText(req.query()), req);
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
      Map<String, Long> out = new LinkedHashMap<>();
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

  private static CollectorManager<?, ? extends TopDocs> topDocs(SortOrder order, int n, Cursor cursor, IndexSearcher s,
      int countUpTo) {
    int maxDoc = s.getIndexReader().maxDoc();
    if (order == SortOrder.RELEVANCE) {
      ScoreDoc after = cursor == null ? null : new ScoreDoc(Math.min(cursor.doc(), maxDoc),
          Float.intBitsToFloat((int) cursor.value()));
      return new TopScoreDocCollectorManager(n, after, countUpTo);
    }
    FieldDoc after = cursor == null ? null : new FieldDoc(Math.min(cursor.doc(), maxDoc), Float.NaN,
        new Object[] {cursor.value(), Math.min(cursor.doc(), maxDoc)});
    return new TopFieldCollectorManager(sort(order), n, after, countUpTo);
  }

  private static Sort sort(SortOrder order) {
    return new Sort(new SortField(Fields.PUBLISHED, SortField.Type.LONG, order == SortOrder.NEWEST),
        SortField.FIELD_DOC);
  }

  private static Cursor cursorAfter(ScoreDoc last, SortOrder order) {
    if (order == SortOrder.RELEVANCE) return new Cursor(order, Float.floatToIntBits(last.score), last.doc);
    return new Cursor(order, (Long) ((FieldDoc) last).fields[0], last.doc);
  }

  private String didYouMean(ParsedQuery parsed, IndexSearcher searcher, SearchRequest req, long total)
      throws IOException {
    String corrected = spelling.correct(parsed, searcher.getIndexReader());
    if (corrected == null || corrected.equals(req.query())) return null;
    // Offered only if it finds more than what was asked.
    Query q = Filters.apply(compiler.compile(language.parse(corrected)).query(), req);
    return searcher.count(q) > total ? corrected : null;
  }

  private Map<String, List<FacetValue>> facetValues(Map<String, Map<String, Long>> counts) {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    Comparator<Map.Entry<String, Long>> byCount =
        Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());
    for (String dim : List.of("agency", "type", "language")) {
      out.put(dim, counts.getOrDefault(dim, Map.of()).entrySet().stream().sorted(byCount)
          .limit(dim.equals("agency") ? MAX_AGENCY_FACETS : Long.MAX_VALUE)
          .map(e -> {
            Agency a = dim.equals("agency") ? agencies.apply(e.getKey()).orElse(null) : null;
            return new FacetValue(e.getKey(), e.getValue(), a == null ? null : a.nameAr(), a == null ? null : a.nameEn());
          }).toList());
    }
    out.put(FacetCounts.YEAR, counts.getOrDefault(FacetCounts.YEAR, Map.of()).entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByKey().reversed())
        .map(e -> new FacetValue(e.getKey(), e.getValue(), null, null)).toList());
    return out;
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
    Map<String, String[]> t = browse ? Map.of() : Snippets.highlight(searcher, index.analyzer(), text, page, titles, true);
    Map<String, String[]> s = browse ? Map.of() : Snippets.highlight(searcher, index.analyzer(), text, page, bodies, false);
    StoredFields stored = searcher.storedFields();
    for (int i = 0; i < page.scoreDocs.length; i++) {
      ScoreDoc sd = page.scoreDocs[i];
      Document d = stored.document(sd.doc);
      String lang = Fields.indexLanguage(d.get(Fields.LANGUAGE));
      String title = browse ? null : t.get(Fields.title(lang))[i];
      if (title == null) title = Snippets.escape(d.get(Fields.title(lang)));
      String snippet = browse ? null : s.get(Fields.body(lang))[i];
      if (snippet == null) snippet = Snippets.escape(lead(d.get(Fields.body(lang))));
      String agencyId = d.get(Fields.AGENCY);
      hits.add(new Hit(
          d.get(Fields.ID), AgencyRef.of(agencyId, agencies.apply(agencyId).orElse(null)), title, snippet,
          d.get(Fields.PUBLISHED), d.get(Fields.SOURCE_URL), d.get(Fields.LANGUAGE),
          browse || Float.isNaN(sd.score) ? 0f : sd.score, d.getField(Fields.VERSION).numericValue().intValue(),
          d.get(Fields.CONTENT_HASH), d.get(Fields.STATUS),
          d.getField(Fields.VERSION).numericValue().intValue() > 1));
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
