package org.bayan.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.bayan.index.Fields;
import org.bayan.index.LuceneIndex;
import org.bayan.search.query.ParsedQuery;
import org.bayan.search.query.QueryLanguage;
import org.bayan.statement.Agency;

/** Search over the index: query language, filters, facets, order, paging, highlighting, spelling. Thread-safe. */
public final class SearchService implements StatementSearch {
  public static final int TOTAL_HITS_THRESHOLD = 10_000;
  /**
   * Past {@link #TOTAL_HITS_THRESHOLD} matches, facets count this many best hits instead of every match: a long
   * OR query matching most of the collection would otherwise spend most of its time visiting every match.
   */
  public static final int FACET_SAMPLE = 1_000;
  /** Below this many hits, a corrected query is looked for. */
  public static final int FEW_HITS = 3;
  static final int MAX_AGENCY_FACETS = 20;
  /** The widest window of hits collapsed to fill a page. */
  static final int MAX_WINDOW = 50_000;
  /** At most this many duplicates are listed beside a hit or a statement. */
  public static final int MAX_DUPLICATES_LISTED = 50;
  private static final Set<String> DUPLICATE_REF_FIELDS = Set.of(Fields.ID, Fields.AGENCY, Fields.PUBLISHED);

  private final LuceneIndex index;
  private final Function<String, Optional<Agency>> agencies;
  private final KeywordQueries queries;
  private final SearchPlanner planner;
  private final Spelling spelling;
  private final long budgetMs;

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
    this.queries = new KeywordQueries(index.analyzer());
    this.planner = new SearchPlanner(queries);
    this.spelling = new Spelling(index.analyzer());
  }

  @Override
  public SearchResponse search(SearchRequest req, boolean facets) {
    long start = System.nanoTime();
    SearchPlan plan = planner.plan(req);
    ParsedQuery parsed = plan.parsed();
    Query query = plan.query();
    SortOrder order = plan.order();
    int skip = (req.page() - 1) * req.size();
    int need = skip + req.size();
    IndexSearcher acquired = index.acquire();
    // The budget runs from the request's start: planning (prefix expansion) spends it too. Only the passes
    // over every match use the budgeted searcher; lookups for the page's own hits (duplicates, the group
    // check of a cursor) use the plain one, which a spent budget would otherwise silently empty.
    IndexSearcher searcher = withBudget(acquired, start);
    try {
      // Duplicates collapse into their best hit while the page is assembled: fetch a window of hits, keep
      // the first of each group, and widen the window only when collapsing left too few. The top hits use
      // dynamic pruning (MaxScore skips what cannot reach the window).
      int window = Math.min(MAX_WINDOW, Math.max(need * 3, need + 50));
      // Facets count the best FACET_SAMPLE hits past TOTAL_HITS_THRESHOLD matches, and every match below it.
      // Collecting that many in the first pass costs less than a second pass for them, and when they turn out
      // to be every match, they are all facets need. (After a cursor the pass sees only later hits, so facets
      // get their own pass.)
      boolean sampleInFirstPass = facets && req.cursor() == null;
      if (sampleInFirstPass) window = Math.max(window, FACET_SAMPLE);
      // In relevance order, trigrams are scored only on the first pass's best DEPTH hits (GramsRescore): one
      // ranking for every page, size and cursor, those hits rescored first, the rest after them in first-pass
      // order (their scores are below any rescored hit's, trigrams only add), a cursor after either.
      GramsRescore split = order == SortOrder.RELEVANCE ? GramsRescore.of(query) : null;
      Query matching = split != null && split.splits() ? split.words() : query;
      GramsRescore.Head head = matching != query && req.cursor() != null ? split.head(searcher) : null;
      // The rescored hits must be the first pass's best DEPTH, whatever the page and facets ask for.
      if (matching != query && head == null) window = Math.max(window, Math.min(MAX_WINDOW, GramsRescore.DEPTH));
      // After a cursor, a group whose best hit ranks before the cursor was shown on an earlier page: its later
      // copies stay out of this one too. (The first page needs no check: nothing came before it.)
      // With a head, a group's best hit is its first in the head, or else its best in first-pass order.
      Map<String, Integer> headBest = head == null ? null : firstOfGroups(acquired, head.hits().scoreDocs);
      GroupCheck shownBefore = req.cursor() == null ? null : head != null
          ? (group, hit) -> headBest.containsKey(group) ? headBest.get(group) != hit.doc
              : !isBestOfGroup(acquired, head.words(), order, group, hit)
          : (group, hit) -> !isBestOfGroup(acquired, query, order, group, hit);
      TopDocs docs;
      List<ScoreDoc> kept;
      while (true) {
        int collected;
        if (head != null) {
          ScoreDoc after = relevanceAfter(req.cursor(), searcher);
          TopDocs tail = head.tailAfter(searcher, after, window, TOTAL_HITS_THRESHOLD);
          collected = tail.scoreDocs.length;
          docs = head.after(after, tail);
        } else {
          docs = searcher.search(matching, topDocs(order, window, req.cursor(), searcher, TOTAL_HITS_THRESHOLD));
          collected = docs.scoreDocs.length;
          // Past the budget the first pass's order stands: rescoring scores every hit of the window directly,
          // outside the searcher's timeout checks.
          if (matching != query && !spent(searcher, start)) docs = split.rescore(acquired, docs, GramsRescore.DEPTH);
        }
        kept = collapse(searcher, docs.scoreDocs, need, shownBefore);
        if (kept.size() >= need || collected < window || window >= MAX_WINDOW || spent(searcher, start)) break;
        window = Math.min(MAX_WINDOW, window * 4);
      }
      boolean many = docs.totalHits.relation() == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO;
      boolean allCollected = !many && docs.scoreDocs.length == docs.totalHits.value();
      Map<String, Map<String, Long>> counts = null;
      CollapsedCount.Result shown = null;
      if (facets) {
        if (spent(searcher, start)) {
          counts = FacetCounts.over(acquired, docs.scoreDocs); // what was collected: no pass of their own
        } else if (sampleInFirstPass && (many || allCollected)) {
          counts = FacetCounts.over(searcher, docs.scoreDocs);
        } else if (many) {
          counts = FacetCounts.over(searcher, docs.scoreDocs.length >= FACET_SAMPLE ? docs.scoreDocs
              : searcher.search(matching, topDocs(order, FACET_SAMPLE, null, searcher, FACET_SAMPLE)).scoreDocs);
        } else {
          Object[] both = searcher.search(matching,
              new MultiCollectorManager(new FacetCounts(), new CollapsedCount(TOTAL_HITS_THRESHOLD)));
          @SuppressWarnings("unchecked")
          Map<String, Map<String, Long>> c = (Map<String, Map<String, Long>>) both[0];
          counts = c;
          shown = (CollapsedCount.Result) both[1];
        }
      }
      int from = Math.min(kept.size(), skip);
      ScoreDoc[] page = kept.subList(from, Math.min(kept.size(), from + req.size())).toArray(ScoreDoc[]::new);
      // `total` counts what the pages can show: each duplicate group once. Past the budget no pass of its own:
      // the collected hits give a lower bound.
      if (shown == null) {
        shown = spent(searcher, start) || (req.cursor() == null && allCollected)
            ? CollapsedCount.over(acquired, docs.scoreDocs, TOTAL_HITS_THRESHOLD)
            : searcher.search(matching, new CollapsedCount(TOTAL_HITS_THRESHOLD));
      }
      // Highlighting reads each hit's text and runs the query on it: past the budget, hits show their lead.
      boolean partial = spent(searcher, start);
      List<Hit> hits = toHits(acquired, plan.highlight(), new TopDocs(docs.totalHits, page), plan.browse(), !partial);
      long total = shown.count();
      boolean exact = shown.exact() && !partial;
      // A partial answer's total is a lower bound, never fewer than the hits shown up to this page (a facet pass
      // cut short once counted 0 beside hits).
      if (partial) total = Math.max(total, skip + page.length);
      String next = page.length == req.size() && (skip + page.length < total || !exact || req.cursor() != null)
          ? cursorAfter(page[page.length - 1], order, req.effectiveSort()).encode(req.fingerprint()) : null;
      // A correction is looked for only when the search was complete: "few hits" from a cut search says
      // nothing about the spelling, and the lookup reads the whole vocabulary.
      String didYouMean = facets && !partial && total < FEW_HITS ? didYouMean(parsed, acquired, req, total) : null;
      long took = (System.nanoTime() - start) / 1_000_000;
      return new SearchResponse(req.query(), total, took, req.page(), req.size(), order.param(), hits,
          counts == null ? null : facetValues(counts), counts != null && (many || partial), next, didYouMean,
          partial, exact ? SearchResponse.EXACT : SearchResponse.LOWER_BOUND);
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

  /** Whether the request's budget is spent: a pass was cut, or the time is up before the next stage. */
  private boolean spent(IndexSearcher searcher, long start) {
    return searcher.timedOut() || (budgetMs >= 0 && System.nanoTime() - start >= budgetMs * 1_000_000);
  }

  /**
   * The ids of the best {@code n} statements for a request, best first, without highlighting: the query is
   * built exactly as {@link #search} builds it, so measuring this measures what users get.
   */
  public List<String> rankedIds(SearchRequest req, int n) {
    Query query = Filters.apply(queries.freeText(req.query()), req);
    IndexSearcher searcher = index.acquire();
    try {
      // As the first page of /api/search ranks.
      TopDocs top = GramsRescore.top(searcher, query, n);
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

  /** The other statements in the duplicate group of statement {@code id} (empty when it has none). */
  @Override
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

  /** Whether a hit's duplicate group was already shown on an earlier page. */
  @FunctionalInterface
  private interface GroupCheck {
    boolean test(String group, ScoreDoc hit) throws IOException;
  }

  // Whether `hit` is its group's first statement in the order of `query` (the one a page shows for the group).
  private static boolean isBestOfGroup(IndexSearcher searcher, Query query, SortOrder order, String group, ScoreDoc hit)
      throws IOException {
    Term t = new Term(Fields.DUP_GROUP, group);
    if (searcher.getIndexReader().docFreq(t) < 2) return true;
    Query members = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
        .add(new TermQuery(t), BooleanClause.Occur.FILTER).build();
    ScoreDoc[] best = searcher.search(members, topDocs(order, 1, null, searcher, 1)).scoreDocs;
    return best.length == 0 || best[0].doc == hit.doc;
  }

  // Keeps the first (best) hit of each duplicate group, up to `need` hits; with `shownBefore`, not a group
  // already shown on an earlier page.
  private static List<ScoreDoc> collapse(IndexSearcher searcher, ScoreDoc[] docs, int need, GroupCheck shownBefore)
      throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Set<String> seen = new HashSet<>();
    List<ScoreDoc> kept = new ArrayList<>(Math.min(docs.length, need));
    for (ScoreDoc sd : docs) {
      String g = groupOf(leaves, sd.doc);
      if (g != null && !seen.add(g)) continue;
      if (g == null || shownBefore == null || !shownBefore.test(g, sd)) kept.add(sd);
      if (kept.size() >= need) break;
    }
    return kept;
  }

  /**
   * The best hit of each duplicate group among {@code docs}, in their order, at most {@code n}: the collapse of a
   * search page, for other rankings over the same index (claim lookup) to show duplicates as search does.
   */
  public static List<ScoreDoc> collapseDuplicates(IndexSearcher searcher, ScoreDoc[] docs, int n) throws IOException {
    return collapse(searcher, docs, n, null);
  }

  // The duplicate group of a document, or null.
  private static String groupOf(List<LeafReaderContext> leaves, int doc) throws IOException {
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedDocValues groups = leaf.reader().getSortedDocValues(Fields.DUP_GROUP);
    return groups != null && groups.advanceExact(doc - leaf.docBase)
        ? groups.lookupOrd(groups.ordValue()).utf8ToString() : null;
  }

  // Group → its first document among `hits`.
  private static Map<String, Integer> firstOfGroups(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
    Map<String, Integer> first = new java.util.HashMap<>();
    for (ScoreDoc sd : hits) {
      String g = groupOf(searcher.getIndexReader().leaves(), sd.doc);
      if (g != null) first.putIfAbsent(g, sd.doc);
    }
    return first;
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
      // Only the three fields a reference shows: a page of wire copies read each member's whole body (a fifth
      // of a search at 1M statements, BENCHMARKS.md).
      DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(DUPLICATE_REF_FIELDS);
      stored.document(sd.doc, visitor);
      Document d = visitor.getDocument();
      String id = d.get(Fields.ID);
      if (id.equals(exceptId)) continue;
      String agencyId = d.get(Fields.AGENCY);
      out.add(new DuplicateRef(id, AgencyRef.of(agencyId, agencies.apply(agencyId).orElse(null)), d.get(Fields.PUBLISHED)));
      if (out.size() >= MAX_DUPLICATES_LISTED) break;
    }
    return out;
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

  // Where a relevance cursor stopped, as Lucene's "after" (the document number bounded by this reader's).
  private static ScoreDoc relevanceAfter(Cursor cursor, IndexSearcher s) {
    if (cursor.key() != null) throw Cursor.fromAnotherEngine();
    return new ScoreDoc(Math.min(cursor.doc(), s.getIndexReader().maxDoc()), Float.intBitsToFloat((int) cursor.value()));
  }

  private static CollectorManager<?, ? extends TopDocs> topDocs(SortOrder order, int n, Cursor cursor, IndexSearcher s,
      int countUpTo) {
    if (cursor != null && cursor.key() != null) throw Cursor.fromAnotherEngine();
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

  /**
   * The cursor after {@code last}, whose value is read in the plan's {@code order}, bound to the order the
   * request asked for: they differ when a query has no text to rank by (relevance is browsed newest first),
   * and the request is all a cursor is checked against.
   */
  private static Cursor cursorAfter(ScoreDoc last, SortOrder order, SortOrder asked) {
    if (order == SortOrder.RELEVANCE) return Cursor.afterDoc(asked, Float.floatToIntBits(last.score), last.doc);
    return Cursor.afterDoc(asked, (Long) ((FieldDoc) last).fields[0], last.doc);
  }

  private String didYouMean(ParsedQuery parsed, IndexSearcher searcher, SearchRequest req, long total)
      throws IOException {
    String corrected = spelling.correct(parsed, Spelling.vocabulary(searcher.getIndexReader()));
    if (corrected == null || corrected.equals(req.query())) return null;
    // Offered only if it finds more than what was asked.
    Query q = planner.plan(corrected, req).query();
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

  private List<Hit> toHits(IndexSearcher searcher, Query text, TopDocs page, boolean browse, boolean highlight)
      throws IOException {
    List<Hit> hits = new ArrayList<>(page.scoreDocs.length);
    if (page.scoreDocs.length == 0) return hits;
    // Each hit's stored fields are read once, here, and the highlighter reads its text from them.
    StoredFields stored = searcher.storedFields();
    int[] ids = new int[page.scoreDocs.length];
    Document[] docs = new Document[ids.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = page.scoreDocs[i].doc;
      docs[i] = stored.document(ids[i]);
    }
    Snippets.Highlighted[] marked = browse || !highlight ? null : Snippets.highlight(searcher, index.analyzer(), text, ids, docs);
    for (int i = 0; i < ids.length; i++) {
      ScoreDoc sd = page.scoreDocs[i];
      Document d = docs[i];
      String lang = Fields.indexLanguage(d.get(Fields.LANGUAGE));
      String title = marked == null ? null : marked[i].title();
      if (title == null) title = Snippets.escape(d.get(Fields.title(lang)));
      String snippet = marked == null ? null : marked[i].snippet();
      if (snippet == null) snippet = Snippets.escape(Snippets.lead(d.get(Fields.body(lang))));
      String agencyId = d.get(Fields.AGENCY);
      hits.add(new Hit(
          d.get(Fields.ID), AgencyRef.of(agencyId, agencies.apply(agencyId).orElse(null)), title, snippet,
          d.get(Fields.PUBLISHED), d.get(Fields.SOURCE_URL), d.get(Fields.LANGUAGE),
          browse || Float.isNaN(sd.score) ? 0f : sd.score, d.getField(Fields.VERSION).numericValue().intValue(),
          d.get(Fields.CONTENT_HASH), d.get(Fields.STATUS),
          d.getField(Fields.VERSION).numericValue().intValue() > 1,
          members(searcher, d.get(Fields.DUP_GROUP), d.get(Fields.ID))));
    }
    return hits;
  }
}
