package org.bayan.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.bayan.index.Fields;
import org.bayan.index.LuceneIndex;
import org.bayan.statement.Agency;

/**
 * Search over the embedded index: query language, filters, facets, order, paging, highlighting, spelling, run as
 * stages ({@link SearchStage}) over one {@link SearchContext} per request, each timed. {@code bayan eval} ranks
 * through the same stages ({@link #rankedIds}). Thread-safe.
 */
public final class SearchService implements StatementSearch {
  public static final int TOTAL_HITS_THRESHOLD = 10_000;
  /**
   * Past {@link #TOTAL_HITS_THRESHOLD} matches, facets count this many best hits instead of every match: a long
   * OR query matching most of the collection would otherwise spend most of its time visiting every match. The
   * rescoring depth: the first pass collects these hits anyway, so facets cost it no wider window.
   */
  public static final int FACET_SAMPLE = GramsRescore.DEPTH;
  /** Below this many hits, a corrected query is looked for. */
  public static final int FEW_HITS = 3;
  static final int MAX_AGENCY_FACETS = 20;
  /** The widest window of hits collapsed to fill a page. */
  static final int MAX_WINDOW = 50_000;
  /** At most this many duplicates are listed beside a hit or a statement. */
  public static final int MAX_DUPLICATES_LISTED = 50;

  private final LuceneIndex index;
  private final Function<String, Optional<Agency>> agencies;
  private final SearchPlanner planner;
  private final FetchStage fetch;
  private final SpellingStage spellingStage;
  private final long budgetMs;
  private final GroupOrdinals groupOrdinals = new GroupOrdinals();

  public SearchService(LuceneIndex index, Function<String, Optional<Agency>> agencies) {
    this(index, agencies, -1);
  }

  /**
   * @param budgetMs how long a search may collect hits before it answers with those found so far, marked
   *     partial (negative: no budget; 0: stops at its first check, which only tests want)
   */
  public SearchService(LuceneIndex index, Function<String, Optional<Agency>> agencies, long budgetMs) {
    this.budgetMs = budgetMs;
    this.index = index;
    this.agencies = agencies;
    this.planner = new SearchPlanner(new KeywordQueries(index.analyzer()));
    this.fetch = new FetchStage(index.analyzer(), agencies);
    this.spellingStage = new SpellingStage(new Spelling(index.analyzer()), planner);
  }

  @Override
  public SearchResponse search(SearchRequest req, boolean facets) {
    SearchContext c = new SearchContext(req, facets, System.nanoTime());
    IndexSearcher acquired = index.acquire();
    try {
      rank(c, acquired, planner::plan);
      FacetStage.run(c);
      CountStage.run(c);
      PageStage.run(c);
      // Highlighting reads each hit's text and runs the query on it: past the budget, hits show their lead.
      c.partial = c.spent();
      fetch.run(c);
      long total = c.shown.count();
      boolean exact = c.shown.exact() && !c.partial;
      // A partial answer's total is a lower bound, never fewer than the hits shown up to this page (a facet pass
      // cut short once counted 0 beside hits).
      if (c.partial) total = Math.max(total, c.skip + c.page.length);
      String next = PageStage.next(c, total, exact);
      String didYouMean = spellingStage.run(c, total);
      long took = (System.nanoTime() - c.start) / 1_000_000;
      return new SearchResponse(req.query(), total, took, req.page(), req.size(), c.plan.order().param(), c.hits,
          c.counts == null ? null : facetValues(c.counts), c.counts != null && (c.many() || c.partial), next,
          didYouMean, c.partial, exact ? SearchResponse.EXACT : SearchResponse.LOWER_BOUND, c.timings.millis());
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidParameterException("q", "expands to more than " + IndexSearcher.getMaxClauseCount()
          + " clauses; use fewer or longer words and prefixes");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      index.release(acquired);
    }
  }

  /**
   * The stages every ranking runs, search pages and {@code bayan eval} alike: plan, first pass, rescore and
   * collapse, the window widened until collapsing leaves the hits the pages up to this one need.
   */
  private void rank(SearchContext c, IndexSearcher acquired, Function<SearchRequest, SearchPlan> planning)
      throws IOException {
    long t = c.timings.start();
    SearchRequest req = c.req;
    c.plan = planning.apply(req);
    Query query = c.plan.query();
    // In relevance order, trigrams are scored only on the first pass's best DEPTH hits (GramsRescore): one
    // ranking for every page, size and cursor, those hits rescored first, the rest after them in first-pass
    // order (their scores are below any rescored hit's, trigrams only add), a cursor after either.
    c.split = c.plan.order() == SortOrder.RELEVANCE ? GramsRescore.of(query) : null;
    c.matching = c.split != null && c.split.splits() ? c.split.words() : query;
    // Duplicates collapse into their best hit while the page is assembled: collect a window of hits, keep the
    // first of each group, and widen the window only when collapsing left too few. The window is no wider than
    // the page, the facet sample and the rescoring depth need, so dynamic pruning skips what cannot reach it.
    int window = Math.max(c.need * 3, c.need + 50);
    if (c.facets && req.cursor() == null) window = Math.max(window, FACET_SAMPLE);
    // The rescored hits must be the first pass's best DEPTH, whatever the page and facets ask for (after a
    // cursor, the head holds them).
    if (c.rescoring() && req.cursor() == null) window = Math.max(window, GramsRescore.DEPTH);
    c.window = Math.min(MAX_WINDOW, window);
    c.acquired = acquired;
    c.groupOrdinals = groupOrdinals;
    // The budget runs from the request's start: planning (prefix expansion) spends it too.
    c.searcher = withBudget(acquired, c.start);
    if (budgetMs >= 0) c.deadline = c.start + budgetMs * 1_000_000;
    c.timings.stop(SearchStage.PLAN, t);
    while (true) {
      FirstPassStage.run(c);
      RescoreStage.run(c);
      CollapseStage.run(c);
      if (c.kept.size() >= c.need || c.collected < c.window || c.window >= MAX_WINDOW || c.spent()) break;
      c.window = Math.min(MAX_WINDOW, c.window * 4);
    }
  }

  /**
   * A searcher over the same point-in-time reader that stops collecting once the budget is spent. A new
   * one per request: the timeout is the searcher's state, and the shared searcher serves every thread.
   */
  private IndexSearcher withBudget(IndexSearcher shared, long start) {
    if (budgetMs < 0) return shared;
    long deadline = start + budgetMs * 1_000_000;
    IndexSearcher s = new IndexSearcher(shared.getIndexReader()) {
      @Override
      protected void searchLeaf(LeafReaderContext ctx, int minDocId, int maxDocId, Weight weight, Collector collector)
          throws IOException {
        // Lucene checks the timeout only once a segment's scorer is built, and goes on to build the next
        // segment's after a timeout: for a long query over many segments, that is a term lookup per query
        // term and segment for scorers that stop at once. Past the deadline, a segment is skipped before.
        if (System.nanoTime() - deadline >= 0) return;
        super.searchLeaf(ctx, minDocId, maxDocId, weight, collector);
      }
    };
    s.setSimilarity(shared.getSimilarity());
    s.setQueryCache(shared.getQueryCache());
    s.setQueryCachingPolicy(shared.getQueryCachingPolicy());
    s.setTimeout(() -> System.nanoTime() - deadline >= 0);
    return s;
  }

  /**
   * The ids of the best {@code n} statements for a request, best first: the first page {@link #search} shows
   * for the same words without operators, through the same stages (first pass, rescoring, duplicate collapse),
   * each hit followed by the duplicates the page lists beside it. The text is taken as plain words: topics and
   * pasted text hold quotes and dashes that are not operators.
   */
  public List<String> rankedIds(SearchRequest req, int n) {
    SearchRequest first = new SearchRequest(req.query(), req.agencies(), req.types(), req.categories(),
        req.languages(), req.statuses(), req.from(), req.to(), req.sort(), 1, n, null);
    SearchContext c = new SearchContext(first, false, System.nanoTime());
    IndexSearcher acquired = index.acquire();
    try {
      rank(c, acquired, planner::planWords);
      PageStage.run(c);
      StoredFields stored = acquired.storedFields();
      List<String> ids = new ArrayList<>(n);
      for (ScoreDoc sd : c.page) {
        if (ids.size() >= n) break;
        var d = stored.document(sd.doc, Set.of(Fields.ID, Fields.DUP_GROUP));
        ids.add(d.get(Fields.ID));
        // A page shows a duplicate group once, its other statements listed beside the best hit: a reader
        // meets them there, so they rank right after it, in the order the page lists them.
        for (DuplicateRef m : fetch.members(acquired, d.get(Fields.DUP_GROUP), d.get(Fields.ID))) {
          if (ids.size() >= n) break;
          ids.add(m.id());
        }
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      index.release(acquired);
    }
  }

  /** The other statements in the duplicate group of statement {@code id} (empty when it has none). */
  @Override
  public List<DuplicateRef> duplicatesOf(String id) {
    IndexSearcher searcher = index.acquire();
    try {
      TopDocs td = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
      if (td.scoreDocs.length == 0) return List.of();
      String group = searcher.storedFields().document(td.scoreDocs[0].doc).get(Fields.DUP_GROUP);
      return fetch.members(searcher, group, id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      index.release(searcher);
    }
  }

  /**
   * The best hit of each duplicate group among {@code docs}, in their order, at most {@code n}: the collapse of a
   * search page, for other rankings over the same index (claim lookup) to show duplicates as search does.
   */
  public static List<ScoreDoc> collapseDuplicates(IndexSearcher searcher, ScoreDoc[] docs, int n) throws IOException {
    return CollapseStage.collapse(searcher, docs, n, null);
  }

  @Override
  public Map<String, Long> countByAgency(List<String> agencyIds) {
    return countByAgency(index, agencyIds);
  }

  /** Statements of each agency in the embedded index, in the order asked (search facets and suggestions). */
  static Map<String, Long> countByAgency(LuceneIndex index, List<String> agencyIds) {
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

  @Override
  public int size() {
    IndexSearcher searcher = index.acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      index.release(searcher);
    }
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


}
