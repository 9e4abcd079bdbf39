package org.bayan.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.bayan.index.Fields;
import org.bayan.search.AgencyRef;
import org.bayan.search.FacetValue;
import org.bayan.search.Hit;
import org.bayan.search.Cursor;
import org.bayan.search.SearchPlan;
import org.bayan.search.SearchPlanner;
import org.bayan.search.SearchRequest;
import org.bayan.search.SearchResponse;
import org.bayan.search.SearchService;
import org.bayan.search.SearchStage;
import org.bayan.search.StageTimings;
import org.bayan.search.Snippets;
import org.bayan.search.SortOrder;
import org.bayan.search.Spelling;
import org.bayan.search.StatementSearch;
import org.bayan.search.SuggestService;
import org.bayan.statement.Agency;

/**
 * Search over the OpenSearch index: the request is planned exactly as the embedded engine plans it
 * ({@link SearchPlanner}, query text analyzed by Bayan's chains) and the plan translated to the query DSL.
 * Scores use index-wide term statistics ({@code dfs_query_then_fetch}), as one Lucene index would.
 *
 * <p>Cursors continue with {@code search_after} on (score or date, statement id), so a walk is stable
 * across shards; requests of one walk (same query, filters and order) carry the same {@code preference}, so
 * they read the same shard copies and scores do not shift between pages. Spelling is corrected by the same
 * {@link Spelling} as the embedded engine's, asking the cluster's term statistics and term suggester.
 *
 * <p>Not like the embedded engine: snippets cut by OpenSearch's highlighter (same marks and escaping,
 * possibly another passage), duplicates not collapsed into one hit, equal scores ordered by statement id.
 */
public final class OpenSearchSearch implements StatementSearch {
  static final int MAX_AGENCY_FACETS = 20;
  private static final String YEAR = "year";
  private final OpenSearchClient client;
  private final String index;
  private final ObjectMapper json;
  private final SearchPlanner planner;
  private final QueryDsl dsl;
  private final Function<String, Optional<Agency>> agencies;
  private final OpenSearchStatistics statistics;
  private final Spelling spelling;

  public OpenSearchSearch(OpenSearchIndex index, Analyzer perFieldAnalyzer, Function<String, Optional<Agency>> agencies) {
    this.client = index.client();
    this.index = index.alias();
    this.json = client.json();
    this.planner = new SearchPlanner(perFieldAnalyzer);
    this.agencies = agencies;
    this.statistics = new OpenSearchStatistics(client, this.index);
    this.dsl = new QueryDsl(json, statistics);
    this.spelling = new Spelling(perFieldAnalyzer);
  }

  /** The search body of a planned request. */
  ObjectNode body(SearchPlan plan, SearchRequest req, boolean facets) {
    ObjectNode body = json.createObjectNode();
    Cursor cursor = req.cursor();
    if (cursor != null && cursor.key() == null) throw Cursor.fromAnotherEngine();
    if (cursor == null) body.put("from", (req.page() - 1) * req.size());
    body.put("size", req.size());
    body.set("query", dsl.of(plan.query()));
    if (facets) body.put("track_total_hits", true);
    else body.put("track_total_hits", SearchService.TOTAL_HITS_THRESHOLD);
    // The statement id breaks ties: unique, and the same on every shard, so search_after can resume after it.
    ArrayNode sort = body.putArray("sort");
    if (plan.order() == SortOrder.RELEVANCE) sort.addObject().put("_score", "desc");
    else sort.addObject().put(Fields.PUBLISHED, plan.order() == SortOrder.NEWEST ? "desc" : "asc");
    sort.addObject().put(Fields.ID, "asc");
    if (cursor != null) {
      ArrayNode after = body.putArray("search_after");
      if (plan.order() == SortOrder.RELEVANCE) after.add(Float.intBitsToFloat((int) cursor.value()));
      else after.add(cursor.value());
      after.add(cursor.key());
    }
    if (!plan.browse()) {
      ObjectNode hl = body.putObject("highlight");
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
    }
    if (facets) {
      ObjectNode aggs = body.putObject("aggs");
      aggs.putObject("agency").putObject("terms").put("field", Fields.AGENCY).put("size", MAX_AGENCY_FACETS);
      aggs.putObject("type").putObject("terms").put("field", Fields.TYPE).put("size", 1000);
      aggs.putObject("language").putObject("terms").put("field", Fields.LANGUAGE).put("size", 1000);
      aggs.putObject(YEAR).putObject("date_histogram").put("field", Fields.PUBLISHED)
          .put("calendar_interval", "year").put("format", "yyyy").put("min_doc_count", 1);
    }
    return body;
  }

  @Override
  public SearchResponse search(SearchRequest req, boolean facets) {
    long start = System.nanoTime();
    // The cluster ranks, counts, highlights and fetches in one round trip: timed as the first pass.
    StageTimings timings = new StageTimings();
    SearchPlan plan = planner.plan(req);
    timings.stop(SearchStage.PLAN, start);
    long t = timings.start();
    // One walk, one set of shard copies: replicas may differ in deleted documents, and so in scores.
    String preference = "&preference=" + Long.toHexString(req.fingerprint());
    JsonNode r = client.call("POST", "/" + index + "/_search?search_type=dfs_query_then_fetch" + preference,
        body(plan, req, facets));
    JsonNode found = r.path("hits").path("hits");
    List<Hit> hits = new ArrayList<>();
    for (JsonNode h : found) hits.add(hit(h, plan.browse()));
    long total = r.path("hits").path("total").path("value").asLong();
    int skip = (req.page() - 1) * req.size();
    String next = null;
    if (hits.size() == req.size() && (skip + hits.size() < total || req.cursor() != null)) {
      JsonNode last = found.get(found.size() - 1).path("sort");
      long value = plan.order() == SortOrder.RELEVANCE
          ? Float.floatToIntBits((float) last.path(0).asDouble()) : last.path(0).asLong();
      next = Cursor.afterKey(req.effectiveSort(), value, last.path(1).asText()).encode(req.fingerprint());
    }
    timings.stop(SearchStage.FIRST_PASS, t);
    t = timings.start();
    String didYouMean = facets && total < SearchService.FEW_HITS ? didYouMean(plan, req, total) : null;
    if (didYouMean != null || (facets && total < SearchService.FEW_HITS)) timings.stop(SearchStage.SPELLING, t);
    long took = (System.nanoTime() - start) / 1_000_000;
    return new SearchResponse(req.query(), total, took, req.page(), req.size(), plan.order().param(), hits,
        facets ? facets(r.path("aggregations")) : null, false, next, didYouMean, false,
        "gte".equals(r.path("hits").path("total").path("relation").asText()) ? SearchResponse.LOWER_BOUND
            : SearchResponse.EXACT, timings.millis());
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
    JsonNode r = client.call("POST", "/" + index + "/_search?search_type=dfs_query_then_fetch", body);
    List<SuggestService.Title> out = new ArrayList<>();
    for (JsonNode h : r.path("hits").path("hits")) {
      JsonNode s = h.path("_source");
      String language = s.path(Fields.LANGUAGE).asText(null);
      out.add(new SuggestService.Title(s.path(Fields.ID).asText(), language,
          OpenSearchDocuments.text(s, Fields.title(Fields.indexLanguage(language)))));
    }
    return out;
  }

  private Hit hit(JsonNode h, boolean browse) {
    JsonNode s = h.path("_source");
    String lang = Fields.indexLanguage(s.path(Fields.LANGUAGE).asText(null));
    JsonNode hl = h.path("highlight");
    String title = hl.path(Fields.title(lang)).path(0).asText(null);
    if (title == null) title = Snippets.escape(OpenSearchDocuments.text(s, Fields.title(lang)));
    String snippet = hl.path(Fields.body(lang)).path(0).asText(null);
    if (snippet == null) snippet = Snippets.escape(Snippets.lead(OpenSearchDocuments.text(s, Fields.body(lang))));
    String agencyId = s.path(Fields.AGENCY).asText(null);
    int version = s.path(Fields.VERSION).asInt();
    float score = browse || h.path("_score").isNull() ? 0f : (float) h.path("_score").asDouble();
    return new Hit(s.path(Fields.ID).asText(), AgencyRef.of(agencyId, agencyId == null ? null : agencies.apply(agencyId).orElse(null)),
        title, snippet, s.path(Fields.PUBLISHED).asText(), s.path(Fields.SOURCE_URL).asText(null),
        s.path(Fields.LANGUAGE).asText(null), score, version, s.path(Fields.CONTENT_HASH).asText(null),
        s.path(Fields.STATUS).asText(null), version > 1, java.util.List.of());
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
