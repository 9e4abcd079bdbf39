package org.bayan.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
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
  /** The widest window of hits collapsed to fill a page. */
  static final int MAX_WINDOW = 50_000;
  /** At most this many duplicates are listed beside a hit or a statement. */
  public static final int MAX_DUPLICATES_LISTED = 50;

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
    int need = req.page() * req.size();
    IndexSearcher searcher = index.acquire();
    try {
      // Duplicates collapse into their best hit while the page is assembled: fetch a window of hits, keep
      // the first of each group, and widen the window only when collapsing left too few.
      int window = Math.min(MAX_WINDOW, Math.max(need * 3, need + 50));
      TopDocs top;
      List<ScoreDoc> kept;
      while (true) {
        top = browse
            ? searcher.search(query, new TopFieldCollectorManager(newestFirst(), window, null, TOTAL_HITS_THRESHOLD))
            : searcher.search(query, new TopScoreDocCollectorManager(window, null, TOTAL_HITS_THRESHOLD));
        kept = collapse(searcher, top.scoreDocs, need);
        if (kept.size() >= need || top.scoreDocs.length < window || window >= MAX_WINDOW) break;
        window = Math.min(MAX_WINDOW, window * 4);
      }
      int from = Math.min(kept.size(), (req.page() - 1) * req.size());
      ScoreDoc[] page = kept.subList(from, Math.min(kept.size(), from + req.size())).toArray(ScoreDoc[]::new);
      List<Hit> hits = toHits(searcher, text, new TopDocs(top.totalHits, page), browse);
      long took = (System.nanoTime() - start) / 1_000_000;
      return new SearchResponse(req.query(), top.totalHits.value(), took, req.page(), req.size(), hits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      index.release(searcher);
    }
  }

  /** The other statements in the duplicate group of statement {@code id} (empty when it has none). */
  public List<DuplicateRef> duplicatesOf(String id) {
    IndexSearcher searcher = index.acquire();
    try {
      TopDocs td = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
      if (td.scoreDocs.length == 0) return List.of();
      String group = searcher.storedFields().document(td.scoreDocs[0].doc).get(Fields.DUP_GROUP);
      return group == null ? List.of() : members(searcher, group, id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      index.release(searcher);
    }
  }

  // Keeps the first (best) hit of each duplicate group, up to `need` hits.
  private static List<ScoreDoc> collapse(IndexSearcher searcher, ScoreDoc[] docs, int need) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Set<String> seen = new HashSet<>();
    List<ScoreDoc> kept = new ArrayList<>(Math.min(docs.length, need));
    for (ScoreDoc sd : docs) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
      SortedDocValues groups = leaf.reader().getSortedDocValues(Fields.DUP_GROUP);
      String g = groups != null && groups.advanceExact(sd.doc - leaf.docBase)
          ? groups.lookupOrd(groups.ordValue()).utf8ToString() : null;
      if (g == null || seen.add(g)) kept.add(sd);
      if (kept.size() >= need) break;
    }
    return kept;
  }

  private List<DuplicateRef> members(IndexSearcher searcher, String group, String exceptId) throws IOException {
    if (group == null) return List.of();
    Term t = new Term(Fields.DUP_GROUP, group);
    if (searcher.getIndexReader().docFreq(t) < 2) return List.of();
    TopDocs td = searcher.search(new TermQuery(t), MAX_DUPLICATES_LISTED + 1,
        new Sort(new SortField(Fields.PUBLISHED, SortField.Type.LONG), new SortField(Fields.ID, SortField.Type.STRING)));
    StoredFields stored = searcher.storedFields();
    List<DuplicateRef> out = new ArrayList<>();
    for (ScoreDoc sd : td.scoreDocs) {
      Document d = stored.document(sd.doc);
      String id = d.get(Fields.ID);
      if (id.equals(exceptId)) continue;
      String agencyId = d.get(Fields.AGENCY);
      out.add(new DuplicateRef(id, AgencyRef.of(agencyId, agencies.apply(agencyId).orElse(null)), d.get(Fields.PUBLISHED)));
      if (out.size() >= MAX_DUPLICATES_LISTED) break;
    }
    return out;
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
          d.get(Fields.CONTENT_HASH), members(searcher, d.get(Fields.DUP_GROUP), d.get(Fields.ID))));
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
