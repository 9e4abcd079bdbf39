package org.bayan.search;

import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * One search as it moves through the embedded engine's stages: what the request asked, what each stage found,
 * and how long each took. Each stage reads what earlier ones left and fills its own part. One per request.
 */
final class SearchContext {
  final SearchRequest req;
  /** Facet counts and a spelling suggestion were asked for. */
  final boolean facets;
  /** When the request started: the budget and {@code took} count from here. */
  final long start;
  final StageTimings timings = new StageTimings();
  /** Hits the pages up to and including this one hold: collapsing stops once it has kept this many. */
  final int need;
  /** Hits of earlier pages, skipped. */
  final int skip;

  // plan
  SearchPlan plan;
  /** The query the first pass runs: the plan's, without its trigram clauses when they are rescored apart. */
  Query matching;
  /** The trigram split of a relevance query, or null (other orders, or no trigram clauses). */
  GramsRescore split;
  /** How many hits the first pass collects; widened when collapsing leaves too few. */
  int window;

  // searchers: the same point-in-time reader; `searcher` stops collecting once the budget is spent. Only the
  // passes over every match use it; lookups for the page's own hits (duplicates, the group check of a cursor)
  // use `acquired`, which a spent budget would otherwise silently empty.
  IndexSearcher acquired;
  /** Where the numbering of duplicate groups per reader is kept (the service's, across searches). */
  GroupOrdinals groupOrdinals;
  IndexSearcher searcher;
  /** When the budget runs out ({@link System#nanoTime}), or null for no budget. */
  Long deadline;

  // first pass and rescore
  /** After a relevance cursor: the rescored hits that open the order, which the first page also had. */
  GramsRescore.Head head;
  TopDocs headFirstPass;
  /** The ranked hits: the window collected, the best rescored. */
  TopDocs docs;
  /** How many hits the last first pass collected (below the window: there are no more). */
  int collected;

  // collapse, count, facets
  /** After a cursor: whether a hit's group was shown on an earlier page (null on a first page). */
  CollapseStage.GroupCheck shownBefore;
  List<ScoreDoc> kept;
  Map<String, Map<String, Long>> counts;
  CollapsedCount.Result shown;

  // page and after
  ScoreDoc[] page;
  List<Hit> hits;
  boolean partial;

  SearchContext(SearchRequest req, boolean facets, long start) {
    this.req = req;
    this.facets = facets;
    this.start = start;
    this.skip = (req.page() - 1) * req.size();
    this.need = skip + req.size();
  }

  /** Whether the budget is spent: a pass was cut, or the time is up before the next stage. */
  boolean spent() {
    return searcher.timedOut() || (deadline != null && System.nanoTime() - deadline >= 0);
  }

  /** Whether the first pass's trigram clauses are scored apart (relevance order, a query with trigrams). */
  boolean rescoring() {
    return matching != plan.query();
  }

  /** More matches than the first pass counted exactly. */
  boolean many() {
    return docs.totalHits.relation() == org.apache.lucene.search.TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO;
  }

  /** The first pass collected every match (only a first page can tell: after a cursor it sees later hits). */
  boolean allCollected() {
    return !many() && docs.scoreDocs.length == docs.totalHits.value();
  }

  /** How {@link #acquired}'s reader numbers its duplicate groups. */
  GroupOrdinals.Numbering groups() {
    return groupOrdinals.of(acquired.getIndexReader());
  }
}
