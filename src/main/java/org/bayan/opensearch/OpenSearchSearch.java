package org.bayan.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.bayan.index.Fields;
import org.bayan.search.AgencyRef;
import org.bayan.search.FacetValue;
import org.bayan.search.Hit;
import org.bayan.search.Cursor;
import org.bayan.search.DuplicateRef;
import org.bayan.search.SearchPlan;
import org.bayan.search.GramsRescore;
import org.bayan.search.SearchPlanner;
import org.bayan.search.SearchRequest;
import org.bayan.search.SearchResponse;
import org.bayan.search.SearchService;
import org.bayan.search.SearchStage;
import org.bayan.search.Snippets;
import org.bayan.search.SortOrder;
import org.bayan.search.StageTimings;
import org.bayan.search.Spelling;
import org.bayan.search.StatementSearch;
import org.bayan.search.SuggestService;
import org.bayan.statement.Agency;

/**
 * Search over the OpenSearch index: the request is planned exactly as the embedded engine plans it
 * ({@link SearchPlanner}, query text analyzed by Bayan's chains) and the plan translated to the query DSL.
 * A first page is one request (ranked, fetched whole, with facets and the count) when collapsing duplicates
 * leaves it full; otherwise, and for later pages, one request ranks a window (ids, scores and duplicate groups
 * only) and one fetches the page. The duplicates listed beside each hit are looked up (with that fetch, in one
 * {@code _msearch}) only for groups of more than one statement.
 *
 * <p>Ranking as the embedded engine ranks ({@code search.GramsRescore}): in relevance order the words find and
 * order the matches and the trigram clauses are added by a {@code rescore} on each shard's best
 * {@link GramsRescore#DEPTH} hits, the rest following in first-pass order. Hits of equal score are ordered by
 * statement id, the same on every shard. OpenSearch refuses {@code search_after} (which needs a {@code sort})
 * together with {@code rescore}, so a cursor holds the last hit's score and id and a page after it is the
 * rescored head's hits after that point merged with the first pass's other hits after it (a sorted search).
 * Scores use index-wide term statistics: on one shard they are that already; over several, a DFS phase
 * ({@code dfs_query_then_fetch}) gathers them first.
 *
 * <p>Duplicates collapse into their best hit as on the embedded engine: the cluster holds each statement's
 * group ({@link OpenSearchIndex}), the ranking returns it beside each hit and the page keeps the first of each
 * group ({@code collapse} cannot be combined with {@code rescore} in OpenSearch 3). Requests of one walk (same
 * query, filters and order) carry the same {@code preference}, so they read the same shard copies and scores do
 * not shift between pages. Spelling is corrected by the same {@link Spelling} as the embedded engine's, asking
 * the cluster's term statistics and term suggester.
 *
 * <p>Not like the embedded engine: snippets cut by OpenSearch's highlighter (same marks and escaping, possibly
 * another passage), facets counted over every match (no sample past the count's limit).
 */
public final class OpenSearchSearch implements StatementSearch {
  static final int MAX_AGENCY_FACETS = 20;
  /** OpenSearch's default {@code index.max_result_window}: the deepest a ranking request reaches. */
  static final int MAX_WINDOW = 10_000;
  /** Duplicates listed beside a hit: {@link SearchService#MAX_DUPLICATES_LISTED}, and the hit itself. */
  private static final int MEMBERS = SearchService.MAX_DUPLICATES_LISTED + 1;
  private static final String YEAR = "year";
  private static final String GROUPS = "groups";
  private final OpenSearchClient client;
  private final OpenSearchIndex osIndex;
  private final String index;
  private final ObjectMapper json;
  private final SearchPlanner planner;
  private final QueryDsl dsl;
  private final Function<String, Optional<Agency>> agencies;
  private final OpenSearchStatistics statistics;
  private final Spelling spelling;

  public OpenSearchSearch(OpenSearchIndex index, Analyzer perFieldAnalyzer, Function<String, Optional<Agency>> agencies) {
    this.client = index.client();
    this.osIndex = index;
    this.index = index.alias();
    this.json = client.json();
    this.planner = new SearchPlanner(perFieldAnalyzer);
    this.agencies = agencies;
    this.statistics = new OpenSearchStatistics(client, this.index);
    this.dsl = new QueryDsl(json, statistics);
    this.spelling = new Spelling(perFieldAnalyzer);
  }

  /** A hit as the ranking sees it: its statement id, score, duplicate group and, by date, publication time. */
  record Ranked(String id, float score, String group, long published) {}

  /** The order of a walk: score (higher first) or date, then statement id. */
  private static Comparator<Ranked> order(SortOrder order) {
    Comparator<Ranked> first = switch (order) {
      case RELEVANCE -> Comparator.comparingDouble((Ranked r) -> -r.score());
      case NEWEST -> Comparator.comparingLong((Ranked r) -> -r.published());
      case OLDEST -> Comparator.comparingLong(Ranked::published);
    };
    return first.thenComparing(Ranked::id);
  }

  /** How one search is asked of the cluster: its query parts, the request parameters of its walk. */
  private final class Ask {
    final SearchPlan plan;
    final SearchRequest req;
    final SortOrder order;
    final ObjectNode words;
    final ObjectNode grams;
    final String params;
    final int shards;

    Ask(SearchPlan plan, SearchRequest req) {
      this.plan = plan;
      this.req = req;
      this.order = plan.order();
      GramsRescore split = order == SortOrder.RELEVANCE ? GramsRescore.of(plan.query()) : null;
      boolean rescore = split != null && split.splits();
      this.words = dsl.of(rescore ? split.words() : plan.query());
      this.grams = rescore ? dsl.of(split.grams()) : null;
      this.shards = osIndex.shards();
      // Index-wide statistics: one shard has them; several need the DFS round trip first. One walk, one set
      // of shard copies: replicas may differ in deleted documents, and so in scores.
      this.params = "search_type=" + (shards > 1 ? "dfs_query_then_fetch" : "query_then_fetch")
          + "&preference=" + Long.toHexString(req.fingerprint());
    }

    /** The same parameters as an {@code _msearch} header. */
    ObjectNode header() {
      ObjectNode h = json.createObjectNode();
      h.put("search_type", shards > 1 ? "dfs_query_then_fetch" : "query_then_fetch");
      h.put("preference", Long.toHexString(req.fingerprint()));
      return h;
    }

    /** A ranking request: ids, scores and groups of {@code size} hits, nothing fetched. */
    ObjectNode ranking(int size, boolean rescore, boolean sorted) {
      ObjectNode body = json.createObjectNode();
      body.put("size", size);
      body.set("query", words.deepCopy());
      body.put("_source", false);
      body.putArray("docvalue_fields").add(Fields.DUP_GROUP);
      body.put("track_total_hits", SearchService.TOTAL_HITS_THRESHOLD);
      if (rescore && grams != null) {
        ObjectNode r = body.putObject("rescore");
        r.put("window_size", GramsRescore.DEPTH);
        ObjectNode q = r.putObject("query");
        q.set("rescore_query", grams.deepCopy());
        // A rescored hit's score is its first-pass score plus the trigrams', as the embedded rescorer adds them.
        q.put("query_weight", 1).put("rescore_query_weight", 1).put("score_mode", "total");
      }
      if (sorted) {
        ArrayNode sort = body.putArray("sort");
        if (order == SortOrder.RELEVANCE) sort.addObject().put("_score", "desc");
        else sort.addObject().put(Fields.PUBLISHED, order == SortOrder.NEWEST ? "desc" : "asc");
        sort.addObject().put(Fields.ID, "asc");
      }
      return body;
    }

    /** Facets and the collapsed count, over every match. */
    void aggregations(ObjectNode body) {
      ObjectNode aggs = body.putObject("aggs");
      aggs.putObject("agency").putObject("terms").put("field", Fields.AGENCY).put("size", MAX_AGENCY_FACETS);
      aggs.putObject("type").putObject("terms").put("field", Fields.TYPE).put("size", 1000);
      aggs.putObject("language").putObject("terms").put("field", Fields.LANGUAGE).put("size", 1000);
      aggs.putObject(YEAR).putObject("date_histogram").put("field", Fields.PUBLISHED)
          .put("calendar_interval", "year").put("format", "yyyy").put("min_doc_count", 1);
      // `total` counts what the pages can show, each duplicate group once, as the embedded engine counts:
      // groups are counted only among statements with duplicates (a group of one is one statement). Counting
      // the groups of every match cost a sixth of a first page's request on SaudiNewsNet.
      ObjectNode shared = aggs.putObject(GROUPS);
      shared.putObject("filter").putObject("term").put(Fields.DUP_SHARED, true);
      shared.putObject("aggs").putObject(GROUPS).putObject("cardinality").put("field", Fields.DUP_GROUP)
          .put("precision_threshold", SearchService.TOTAL_HITS_THRESHOLD);
    }
  }

  /** The hits of a ranking answer, in the answer's order. */
  private static List<Ranked> ranked(JsonNode answer, SortOrder order) {
    List<Ranked> out = new ArrayList<>();
    for (JsonNode h : answer.path("hits").path("hits")) {
      JsonNode sort = h.path("sort");
      long published = order == SortOrder.RELEVANCE ? 0 : sort.path(0).asLong();
      float score = order == SortOrder.RELEVANCE
          ? (float) (h.path("_score").isNumber() ? h.path("_score") : sort.path(0)).asDouble() : 0f;
      out.add(new Ranked(h.path("_id").asText(), score, h.path("fields").path(Fields.DUP_GROUP).path(0).asText(null),
          published));
    }
    return out;
  }

  @Override
  public SearchResponse search(SearchRequest req, boolean facets) {
    long start = System.nanoTime();
    StageTimings timings = new StageTimings();
    SearchPlan plan = planner.plan(req);
    timings.stop(SearchStage.PLAN, start);
    // The cluster ranks, rescores, counts and aggregates in the same requests: timed as the first pass, the
    // collapse and page here included; reading what the first request did not bring is the fetch.
    long t = timings.start();
    Cursor cursor = req.cursor();
    if (cursor != null && cursor.key() == null) throw Cursor.fromAnotherEngine();
    Ask ask = new Ask(plan, req);
    int skip = (req.page() - 1) * req.size();
    int need = skip + req.size();
    // As the embedded engine: a window of hits, the first of each group kept, widened when collapsing left
    // too few (or when equal scores reach past the window's end, where the order among them is not known).
    int window = Math.min(MAX_WINDOW, Math.max(need * 3, need + 50));
    JsonNode counted = null;
    List<Ranked> kept = null;
    Map<String, JsonNode> fetched = Map.of();
    if (cursor == null && skip == 0) {
      // The first page in one request, whole (sources, highlights), when collapsing leaves it full. A few more
      // hits than the page: room for duplicates to fold, and (rescored) for equal scores at its end to show.
      int size = need + FIRST_PAGE_SLACK;
      ObjectNode body = ask.ranking(size, ask.grams != null, ask.grams == null);
      whole(ask, body);
      if (facets) ask.aggregations(body);
      JsonNode r = client.call("POST", "/" + index + "/_search?" + ask.params, body);
      counted = r;
      List<Ranked> hits = ranked(r, ask.order);
      if (ask.grams != null) hits.sort(order(ask.order));
      List<Ranked> first = collapse(hits, need, null);
      boolean complete = hits.size() < size;
      if (complete || (first.size() >= need && first.getLast().score() != hits.getLast().score())
          || (first.size() >= need && ask.grams == null)) {
        kept = first;
      }
      fetched = new java.util.HashMap<>();
      for (JsonNode h : r.path("hits").path("hits")) fetched.put(h.path("_id").asText(), h);
    }
    while (kept == null) {
      Candidates c = cursor == null ? first(ask, window, facets && counted == null)
          : after(ask, cursor, window, facets && counted == null);
      if (counted == null) counted = c.answer;
      Predicate<Ranked> shownBefore = cursor == null ? null : shownBefore(ask, cursor, c);
      kept = collapse(c.hits, need, shownBefore);
      // Only a rescored window is ordered here: a sorted search breaks ties by id itself.
      boolean tiedAtEnd = cursor == null && ask.grams != null && !c.complete && kept.size() >= need
          && kept.getLast().score() == c.hits.getLast().score();
      if ((kept.size() >= need && !tiedAtEnd) || c.complete || window >= MAX_WINDOW) break;
      kept = null;
      window = Math.min(MAX_WINDOW, window * 4);
    }
    int from = Math.min(kept.size(), skip);
    List<Ranked> page = kept.subList(from, Math.min(kept.size(), from + req.size()));
    timings.stop(SearchStage.FIRST_PASS, t);
    t = timings.start();
    List<Hit> hits = fetch(ask, page, fetched);
    timings.stop(SearchStage.FETCH, t);
    JsonNode found = counted.path("hits").path("total");
    long total = found.path("value").asLong();
    boolean exact = !"gte".equals(found.path("relation").asText());
    if (facets) {
      // Matches less the copies: statements with duplicates, less their groups (exact below 10,000 groups
      // but for a hash collision). Past the count's limit, a lower bound.
      JsonNode shared = counted.path("aggregations").path(GROUPS);
      long copies = Math.max(0, shared.path("doc_count").asLong() - shared.path(GROUPS).path("value").asLong());
      total = Math.max(0, total - copies);
    }
    String next = null;
    if (page.size() == req.size() && (skip + page.size() < total || !exact || cursor != null)) {
      Ranked last = page.getLast();
      long value = ask.order == SortOrder.RELEVANCE ? Float.floatToIntBits(last.score()) : last.published();
      next = Cursor.afterKey(req.effectiveSort(), value, last.id()).encode(req.fingerprint());
    }
    t = timings.start();
    String didYouMean = facets && total < SearchService.FEW_HITS ? didYouMean(plan, req, total) : null;
    if (facets && total < SearchService.FEW_HITS) timings.stop(SearchStage.SPELLING, t);
    long took = (System.nanoTime() - start) / 1_000_000;
    return new SearchResponse(req.query(), total, took, req.page(), req.size(), ask.order.param(), hits,
        facets ? facets(counted.path("aggregations")) : null, false, next, didYouMean, false,
        exact ? SearchResponse.EXACT : SearchResponse.LOWER_BOUND, timings.millis());
  }

  /**
   * Hits in the walk's order, as far as they are known.
   *
   * @param answer the answer that counted the matches (and holds the aggregations, when asked)
   * @param complete true when no hit comes after these
   * @param head with a cursor in relevance order, the rescored head (every hit of it, with its group)
   */
  private record Candidates(List<Ranked> hits, JsonNode answer, boolean complete, List<Ranked> head) {}

  // From the top: one request. In relevance order with trigrams, rescored; the order among equal scores
  // is then made by statement id here (the cluster breaks those ties by shard and document number).
  private Candidates first(Ask ask, int window, boolean aggregations) {
    boolean rescore = ask.grams != null;
    ObjectNode body = ask.ranking(window, rescore, !rescore);
    if (aggregations) ask.aggregations(body);
    JsonNode r = client.call("POST", "/" + index + "/_search?" + ask.params, body);
    List<Ranked> hits = ranked(r, ask.order);
    if (rescore) hits.sort(order(ask.order));
    return new Candidates(hits, r, hits.size() < window, null);
  }

  // After a cursor. Without rescoring, a sorted search resumes after it (search_after on the order and id).
  // With it: the rescored head (each shard's best DEPTH) and, from a sorted search of the words alone, the
  // other hits after the cursor (their scores are their first-pass ones); merged in the walk's order.
  private Candidates after(Ask ask, Cursor cursor, int window, boolean aggregations) {
    if (ask.grams == null) {
      ObjectNode body = ask.ranking(window, false, true);
      if (aggregations) ask.aggregations(body);
      ArrayNode after = body.putArray("search_after");
      if (ask.order == SortOrder.RELEVANCE) after.add(Float.intBitsToFloat((int) cursor.value()));
      else after.add(cursor.value());
      after.add(cursor.key());
      JsonNode r = client.call("POST", "/" + index + "/_search?" + ask.params, body);
      List<Ranked> hits = ranked(r, ask.order);
      return new Candidates(hits, r, hits.size() < window, null);
    }
    int headSize = Math.min(MAX_WINDOW, GramsRescore.DEPTH * ask.shards);
    int tailSize = Math.min(MAX_WINDOW, window + headSize);
    ObjectNode head = ask.ranking(headSize, true, false);
    ObjectNode tail = ask.ranking(tailSize, false, true);
    if (aggregations) ask.aggregations(tail);
    tail.putArray("search_after").add(Float.intBitsToFloat((int) cursor.value())).add(cursor.key());
    JsonNode[] both = msearch(ask.header(), head, tail);
    List<Ranked> headHits = ranked(both[0], ask.order);
    Ranked at = new Ranked(cursor.key(), Float.intBitsToFloat((int) cursor.value()), null, 0);
    Comparator<Ranked> byOrder = order(ask.order);
    java.util.Set<String> inHead = new java.util.HashSet<>();
    List<Ranked> hits = new ArrayList<>();
    for (Ranked h : headHits) {
      inHead.add(h.id());
      if (byOrder.compare(h, at) > 0) hits.add(h);
    }
    List<Ranked> rest = ranked(both[1], ask.order);
    for (Ranked h : rest) if (!inHead.contains(h.id())) hits.add(h);
    hits.sort(byOrder);
    boolean complete = rest.size() < tailSize;
    // Past the sorted search's last hit, head hits (which it left out) are all that is known: cut there.
    if (!complete) {
      Ranked lastKnown = rest.getLast();
      hits.removeIf(h -> byOrder.compare(h, lastKnown) > 0);
    }
    return new Candidates(hits, both[1], complete, headHits);
  }

  /**
   * After a cursor, whether a hit's duplicate group was shown on an earlier page: its best hit in the walk's
   * order comes before the cursor. One request for the groups of the candidates: each group's best member (a
   * member in the rescored head before the cursor settles it without asking).
   */
  private Predicate<Ranked> shownBefore(Ask ask, Cursor cursor, Candidates c) {
    Comparator<Ranked> byOrder = order(ask.order);
    Ranked at = new Ranked(cursor.key(), ask.order == SortOrder.RELEVANCE ? Float.intBitsToFloat((int) cursor.value()) : 0,
        null, ask.order == SortOrder.RELEVANCE ? 0 : cursor.value());
    java.util.Set<String> before = new java.util.HashSet<>();
    java.util.Set<String> headGroups = new java.util.HashSet<>();
    java.util.Set<String> headIds = new java.util.HashSet<>();
    if (c.head != null) {
      for (Ranked h : c.head) {
        headIds.add(h.id());
        if (h.group() == null) continue;
        headGroups.add(h.group());
        if (byOrder.compare(h, at) <= 0) before.add(h.group());
      }
    }
    java.util.LinkedHashSet<String> ask4 = new java.util.LinkedHashSet<>();
    for (Ranked h : c.hits) {
      if (h.group() != null && !before.contains(h.group()) && !headGroups.contains(h.group())
          && osIndex.mayHaveDuplicates(h.group())) {
        ask4.add(h.group());
      }
      if (ask4.size() >= MAX_GROUPS_CHECKED) break;
    }
    if (!ask4.isEmpty()) {
      // The best member by the first pass (or by date); a group with a head member has its best in the head.
      ObjectNode body = json.createObjectNode();
      body.put("size", 0);
      ObjectNode bool = body.putObject("query").putObject("bool");
      bool.putArray("must").add(ask.words.deepCopy());
      ArrayNode groups = bool.putArray("filter").addObject().putObject("terms").putArray(Fields.DUP_GROUP);
      ask4.forEach(groups::add);
      ObjectNode terms = body.putObject("aggs").putObject(GROUPS);
      terms.putObject("terms").put("field", Fields.DUP_GROUP).put("size", ask4.size()).put("min_doc_count", 2);
      ObjectNode top = terms.putObject("aggs").putObject("best").putObject("top_hits");
      top.put("size", 1).put("_source", false);
      top.set("sort", ask.ranking(0, false, true).get("sort"));
      JsonNode r = client.call("POST", "/" + index + "/_search?" + ask.params, body);
      for (JsonNode b : r.path("aggregations").path(GROUPS).path("buckets")) {
        List<Ranked> best = ranked(b.path("best"), ask.order);
        if (!best.isEmpty() && byOrder.compare(best.getFirst(), at) <= 0) before.add(b.path("key").asText());
      }
    }
    return h -> h.group() != null && before.contains(h.group());
  }

  /**
   * Hits a first page asks beyond its size. Each is highlighted, which is most of the fetch: on SaudiNewsNet
   * (30,676 statements, many republished) 4 made the cluster's fetch phase 1.5 times as long as 10 hits alone,
   * and with 2 about a quarter of first pages fell back to ranking then fetching.
   */
  private static final int FIRST_PAGE_SLACK = 2;

  /** At most this many groups are checked after a cursor: a page of 100 with room for its duplicates. */
  private static final int MAX_GROUPS_CHECKED = 1_000;

  // The first (best) hit of each duplicate group, up to `need`; with `shownBefore`, not a group already shown.
  private static List<Ranked> collapse(List<Ranked> hits, int need, Predicate<Ranked> shownBefore) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<Ranked> kept = new ArrayList<>(Math.min(hits.size(), need));
    for (Ranked h : hits) {
      if (h.group() != null && !seen.add(h.group())) continue;
      if (shownBefore == null || !shownBefore.test(h)) kept.add(h);
      if (kept.size() >= need) break;
    }
    return kept;
  }

  /** Makes a ranking request fetch its hits whole: sources (but the fingerprints) and highlights. */
  private void whole(Ask ask, ObjectNode body) {
    body.putObject("_source").putArray("excludes").add(Fields.BODY_FINGERPRINT).add(Fields.MINHASH);
    if (!ask.plan.browse()) body.set("highlight", highlight(ask.plan));
  }

  /**
   * The page's hits, whole: those not among {@code fetched} by id with their sources and highlights, and the
   * other members of each hit's group (groups of one statement are not looked up), in one round trip.
   */
  private List<Hit> fetch(Ask ask, List<Ranked> page, Map<String, JsonNode> fetched) {
    if (page.isEmpty()) return List.of();
    List<ObjectNode> searches = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Ranked h : page) if (!fetched.containsKey(h.id())) missing.add(h.id());
    if (!missing.isEmpty()) {
      ObjectNode body = json.createObjectNode();
      body.put("size", missing.size());
      body.put("track_total_hits", false);
      ArrayNode ids = body.putObject("query").putObject("ids").putArray("values");
      missing.forEach(ids::add);
      whole(ask, body);
      searches.add(body);
    }
    // Members of the groups this process knows come from memory; others are asked of the cluster.
    Map<String, List<JsonNode>> memberSources = new java.util.HashMap<>();
    java.util.LinkedHashSet<String> groups = new java.util.LinkedHashSet<>();
    for (Ranked h : page) {
      if (h.group() == null) continue;
      List<OpenSearchIndex.Member> known = osIndex.members(h.group());
      if (known == null) {
        groups.add(h.group());
      } else if (known.size() > 1) {
        List<JsonNode> list = new ArrayList<>();
        for (OpenSearchIndex.Member m : known) {
          ObjectNode ref = json.createObjectNode();
          ref.put(Fields.ID, m.id());
          if (m.agency() != null) ref.put(Fields.AGENCY, m.agency());
          ref.put(Fields.PUBLISHED, m.published());
          list.add(ref);
        }
        memberSources.put(h.group(), list);
      }
    }
    if (!groups.isEmpty()) {
      ObjectNode members = json.createObjectNode();
      members.put("size", 0);
      members.put("track_total_hits", false);
      ArrayNode terms = members.putObject("query").putObject("terms").putArray(Fields.DUP_GROUP);
      groups.forEach(terms::add);
      ObjectNode byGroup = members.putObject("aggs").putObject(GROUPS);
      byGroup.putObject("terms").put("field", Fields.DUP_GROUP).put("size", groups.size()).put("min_doc_count", 2);
      ObjectNode top = byGroup.putObject("aggs").putObject("members").putObject("top_hits");
      top.put("size", MEMBERS);
      top.putObject("_source").putArray("includes").add(Fields.ID).add(Fields.AGENCY).add(Fields.PUBLISHED);
      ArrayNode sort = top.putArray("sort");
      sort.addObject().put(Fields.PUBLISHED, "asc");
      sort.addObject().put(Fields.ID, "asc");
      searches.add(members);
    }
    JsonNode[] answers = searches.isEmpty() ? new JsonNode[0]
        : searches.size() == 1 ? new JsonNode[] {client.call("POST", "/" + index + "/_search", searches.getFirst())}
        : msearch(json.createObjectNode(), searches.toArray(ObjectNode[]::new));
    Map<String, JsonNode> byId = new java.util.HashMap<>(fetched);
    if (!missing.isEmpty()) {
      for (JsonNode h : answers[0].path("hits").path("hits")) byId.put(h.path("_id").asText(), h);
    }
    if (!groups.isEmpty()) {
      for (JsonNode b : answers[answers.length - 1].path("aggregations").path(GROUPS).path("buckets")) {
        List<JsonNode> list = new ArrayList<>();
        for (JsonNode m : b.path("members").path("hits").path("hits")) list.add(m.path("_source"));
        memberSources.put(b.path("key").asText(), list);
      }
    }
    List<Hit> out = new ArrayList<>(page.size());
    for (Ranked r : page) {
      JsonNode h = byId.get(r.id());
      if (h == null) continue; // deleted between the two requests
      out.add(hit(h, r, ask.plan.browse(), memberSources.getOrDefault(r.group(), List.of())));
    }
    return out;
  }

  private ObjectNode highlight(SearchPlan plan) {
    ObjectNode hl = json.createObjectNode();
    hl.put("type", "unified");
    hl.put("encoder", "html");
    hl.putArray("pre_tags").add("<mark>");
    hl.putArray("post_tags").add("</mark>");
    hl.set("highlight_query", dsl.of(plan.highlight()));
    ObjectNode fields = hl.putObject("fields");
    for (String lang : Fields.LANGUAGES) {
      String title = Fields.title(lang);
      String text = Fields.body(lang);
      // An exact-phrase or prefix match is on the unstemmed twin: mark it in the stored text all the same.
      fields.putObject(title).put("number_of_fragments", 0)
          .putArray("matched_fields").add(title).add(Fields.exact(title));
      fields.putObject(text).put("number_of_fragments", 1)
          .put("fragment_size", Snippets.SNIPPET_CHARS).put("boundary_scanner", "sentence")
          .putArray("matched_fields").add(text).add(Fields.exact(text));
    }
    return hl;
  }

  /** Several searches in one round trip, each with {@code header}; each answer, or the first one's error. */
  private JsonNode[] msearch(ObjectNode header, ObjectNode... bodies) {
    StringBuilder nd = new StringBuilder();
    for (ObjectNode b : bodies) nd.append(header).append('\n').append(b).append('\n');
    JsonNode r = client.callNdjson("/" + index + "/_msearch", nd.toString());
    JsonNode[] out = new JsonNode[bodies.length];
    for (int i = 0; i < bodies.length; i++) {
      JsonNode one = r.path("responses").path(i);
      if (one.has("error")) {
        JsonNode err = one.path("error");
        throw new OpenSearchException("OpenSearch answered " + one.path("status").asInt() + " to a search: "
            + err.path("root_cause").path(0).path("reason").asText(err.path("reason").asText(err.toString())),
            one.path("status").asInt(), null);
      }
      out[i] = one;
    }
    return out;
  }

  /** A corrected query, offered only when it finds more than what was asked (as the embedded engine does). */
  private String didYouMean(SearchPlan plan, SearchRequest req, long total) {
    String corrected = spelling.correct(plan.parsed(), statistics);
    if (corrected == null || corrected.equals(req.query())) return null;
    ObjectNode count = json.createObjectNode();
    count.set("query", dsl.of(planner.plan(corrected, req).query()));
    long found = client.call("POST", "/" + index + "/_count", count).path("count").asLong();
    return found > total ? corrected : null;
  }

  /** Statement titles for completion: the lookup {@link org.bayan.search.SuggestService} builds, run here. */
  public List<SuggestService.Title> titles(Query query, int n) {
    ObjectNode body = json.createObjectNode();
    body.put("size", n);
    body.set("query", dsl.of(query));
    // Newest first, as SuggestService.Titles asks.
    body.putArray("sort").addObject().put(Fields.PUBLISHED, "desc");
    ArrayNode source = body.putArray("_source");
    source.add(Fields.ID).add(Fields.LANGUAGE);
    for (String lang : Fields.LANGUAGES) source.add(Fields.title(lang));
    // Sorted by date: scores are not read, so no DFS phase for index-wide statistics.
    JsonNode r = client.call("POST", "/" + index + "/_search", body);
    List<SuggestService.Title> out = new ArrayList<>();
    for (JsonNode h : r.path("hits").path("hits")) {
      JsonNode s = h.path("_source");
      String language = s.path(Fields.LANGUAGE).asText(null);
      out.add(new SuggestService.Title(s.path(Fields.ID).asText(), language,
          OpenSearchDocuments.text(s, Fields.title(Fields.indexLanguage(language)))));
    }
    return out;
  }

  private Hit hit(JsonNode h, Ranked ranked, boolean browse, List<JsonNode> members) {
    JsonNode s = h.path("_source");
    String lang = Fields.indexLanguage(s.path(Fields.LANGUAGE).asText(null));
    JsonNode hl = h.path("highlight");
    String title = hl.path(Fields.title(lang)).path(0).asText(null);
    if (title == null) title = Snippets.escape(OpenSearchDocuments.text(s, Fields.title(lang)));
    String snippet = hl.path(Fields.body(lang)).path(0).asText(null);
    if (snippet == null) snippet = Snippets.escape(Snippets.lead(OpenSearchDocuments.text(s, Fields.body(lang))));
    String agencyId = s.path(Fields.AGENCY).asText(null);
    int version = s.path(Fields.VERSION).asInt();
    String id = s.path(Fields.ID).asText();
    List<DuplicateRef> also = refs(members, id);
    return new Hit(id, AgencyRef.of(agencyId, agencyId == null ? null : agencies.apply(agencyId).orElse(null)),
        title, snippet, s.path(Fields.PUBLISHED).asText(), s.path(Fields.SOURCE_URL).asText(null),
        s.path(Fields.LANGUAGE).asText(null), browse ? 0f : ranked.score(), version,
        s.path(Fields.CONTENT_HASH).asText(null), s.path(Fields.STATUS).asText(null), version > 1, also);
  }

  /** References to a group's members (sources of id, agency and date), but {@code exceptId}, at most 50. */
  private List<DuplicateRef> refs(List<JsonNode> members, String exceptId) {
    List<DuplicateRef> out = new ArrayList<>();
    for (JsonNode m : members) {
      String other = m.path(Fields.ID).asText();
      if (other.equals(exceptId)) continue;
      String a = m.path(Fields.AGENCY).asText(null);
      out.add(new DuplicateRef(other, AgencyRef.of(a, a == null ? null : agencies.apply(a).orElse(null)),
          m.path(Fields.PUBLISHED).asText()));
      if (out.size() >= SearchService.MAX_DUPLICATES_LISTED) break;
    }
    return out;
  }

  private Map<String, List<FacetValue>> facets(JsonNode aggs) {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    for (String dim : List.of("agency", "type", "language")) {
      List<FacetValue> values = new ArrayList<>();
      for (JsonNode b : aggs.path(dim).path("buckets")) {
        String key = b.path("key").asText();
        Agency a = dim.equals("agency") ? agencies.apply(key).orElse(null) : null;
        values.add(new FacetValue(key, b.path("doc_count").asLong(), a == null ? null : a.nameAr(), a == null ? null : a.nameEn()));
      }
      out.put(dim, values);
    }
    List<FacetValue> years = new ArrayList<>();
    for (JsonNode b : aggs.path(YEAR).path("buckets")) {
      years.add(new FacetValue(b.path("key_as_string").asText(), b.path("doc_count").asLong(), null, null));
    }
    out.put(YEAR, years.reversed());
    return out;
  }

  /** The other statements in the duplicate group of statement {@code id}: one search, its group looked up by id. */
  @Override
  public List<DuplicateRef> duplicatesOf(String id) {
    ObjectNode body = json.createObjectNode();
    body.put("size", MEMBERS);
    body.put("track_total_hits", false);
    body.putObject("query").putObject("terms").putObject(Fields.DUP_GROUP)
        .put("index", index).put("id", id).put("path", Fields.DUP_GROUP);
    body.putObject("_source").putArray("includes").add(Fields.ID).add(Fields.AGENCY).add(Fields.PUBLISHED);
    ArrayNode sort = body.putArray("sort");
    sort.addObject().put(Fields.PUBLISHED, "asc");
    sort.addObject().put(Fields.ID, "asc");
    // A statement the index does not hold looks up no group and matches nothing.
    JsonNode r = client.call("POST", "/" + index + "/_search", body);
    List<JsonNode> members = new ArrayList<>();
    for (JsonNode h : r.path("hits").path("hits")) members.add(h.path("_source"));
    return refs(members, id);
  }

  @Override
  public Map<String, Long> countByAgency(List<String> agencyIds) {
    Map<String, Long> out = new LinkedHashMap<>();
    if (agencyIds.isEmpty()) return out;
    ObjectNode body = json.createObjectNode();
    body.put("size", 0);
    ObjectNode terms = body.putObject("aggs").putObject("agency").putObject("terms");
    terms.put("field", Fields.AGENCY).put("size", agencyIds.size());
    ArrayNode include = terms.putArray("include");
    agencyIds.forEach(include::add);
    JsonNode r = client.call("POST", "/" + index + "/_search", body);
    Map<String, Long> counts = new LinkedHashMap<>();
    for (JsonNode b : r.path("aggregations").path("agency").path("buckets")) {
      counts.put(b.path("key").asText(), b.path("doc_count").asLong());
    }
    for (String id : agencyIds) out.put(id, counts.getOrDefault(id, 0L));
    return out;
  }

  @Override
  public int size() {
    return client.call("GET", "/" + index + "/_count", null).path("count").asInt();
  }
}
