package org.bayan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenSearch building the same page as Bayan's {@code /api/search} ({@link PageEngine}) in one request: one
 * shard, no replica; title and body per language ({@code title_ar}/{@code body_ar} with the {@code arabic}
 * analyzer, {@code title_en}/{@code body_en} with {@code english}) with offsets in the postings, as Bayan
 * indexes its text; agency, type (Bayan's detected type) and language as keywords, the publication time as a
 * date. A search asks for the shown fields in {@code _source}, the title marked whole and the best body passage
 * by the unified highlighter ({@code <mark>}, HTML-escaped), the four facets as aggregations (the year as a
 * yearly date histogram) and {@code track_total_hits} 10,000. The query: a {@code match} (OR of the analyzed
 * words) on the title and one on the body of the query's script. Bulk-loaded with refresh off.
 */
final class OpenSearchPageEngine implements PageEngine {
  private final String base;
  private final String index;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final StringBuilder bulk = new StringBuilder();

  OpenSearchPageEngine(String base, String index, boolean create) throws Exception {
    this.base = base;
    this.index = index;
    if (create) {
      send("DELETE", "/" + index, null, true);
      Map<String, Object> text = new LinkedHashMap<>();
      for (String lang : List.of("ar", "en")) {
        String analyzer = lang.equals("ar") ? "arabic" : "english";
        for (String f : List.of("title_", "body_")) {
          text.put(f + lang, Map.of("type", "text", "analyzer", analyzer, "index_options", "offsets"));
        }
      }
      text.put("agency", Map.of("type", "keyword"));
      text.put("type", Map.of("type", "keyword"));
      text.put("language", Map.of("type", "keyword"));
      text.put("published", Map.of("type", "date", "format", "epoch_millis"));
      // shown with a hit, never searched: kept in _source only
      text.put("published_at", Map.of("type", "keyword", "index", false, "doc_values", false));
      text.put("source_url", Map.of("type", "keyword", "index", false, "doc_values", false));
      send("PUT", "/" + index, OpenSearchEngine.JSON.writeValueAsString(Map.of(
          "settings", Map.of("number_of_shards", 1, "number_of_replicas", 0, "refresh_interval", "-1"),
          "mappings", Map.of("properties", text))), false);
    }
  }

  private JsonNode send(String method, String path, String body, boolean allowError) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type",
        path.endsWith("_bulk") ? "application/x-ndjson" : "application/json");
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (r.statusCode() >= 300 && !allowError) {
      throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " "
          + r.body().substring(0, Math.min(500, r.body().length())));
    }
    return OpenSearchEngine.JSON.readTree(r.body());
  }

  private static ObjectNode query(String q) {
    String lang = TextEngine.isArabic(q) ? "ar" : "en";
    ObjectNode query = OpenSearchEngine.JSON.createObjectNode();
    ArrayNode should = query.putObject("bool").putArray("should");
    should.addObject().putObject("match").putObject("title_" + lang).put("query", q);
    should.addObject().putObject("match").putObject("body_" + lang).put("query", q);
    return query;
  }

  /** The search request of a first page for a free-text query (also written, one a line, for wrk). */
  static String body(String q) throws Exception {
    String lang = TextEngine.isArabic(q) ? "ar" : "en";
    ObjectNode b = OpenSearchEngine.JSON.createObjectNode();
    b.put("size", 10);
    b.put("track_total_hits", TRACK_TOTAL_HITS);
    ArrayNode source = b.putObject("_source").putArray("includes");
    for (String f : List.of("title_" + lang, "agency", "published_at", "source_url", "language")) source.add(f);
    b.set("query", query(q));
    ObjectNode h = b.putObject("highlight");
    h.put("type", "unified");
    h.put("encoder", "html");
    h.putArray("pre_tags").add("<mark>");
    h.putArray("post_tags").add("</mark>");
    ObjectNode fields = h.putObject("fields");
    fields.putObject("title_" + lang).put("number_of_fragments", 0);
    fields.putObject("body_" + lang).put("number_of_fragments", 1).put("fragment_size", PASSAGE_CHARS)
        .put("boundary_scanner", "sentence").put("no_match_size", PASSAGE_CHARS);
    ObjectNode aggs = b.putObject("aggs");
    aggs.putObject("agency").putObject("terms").put("field", "agency").put("size", AGENCY_VALUES);
    aggs.putObject("type").putObject("terms").put("field", "type").put("size", 100);
    aggs.putObject("language").putObject("terms").put("field", "language").put("size", 100);
    aggs.putObject("year").putObject("date_histogram").put("field", "published").put("calendar_interval", "year")
        .put("format", "yyyy").put("min_doc_count", 1);
    return OpenSearchEngine.JSON.writeValueAsString(b);
  }

  @Override
  public void add(BenchDoc d) throws Exception {
    String lang = "ar".equals(d.lang()) ? "ar" : "en";
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("title_" + lang, d.title());
    doc.put("body_" + lang, d.body());
    if (!d.agency().isEmpty()) doc.put("agency", d.agency());
    String type = d.type();
    if (type != null) doc.put("type", type);
    doc.put("language", d.lang());
    long published = d.publishedMillis();
    if (published >= 0) doc.put("published", published);
    doc.put("published_at", d.publishedAt());
    if (d.sourceUrl() != null) doc.put("source_url", d.sourceUrl());
    bulk.append(OpenSearchEngine.JSON.writeValueAsString(Map.of("index", Map.of("_id", d.id())))).append('\n');
    bulk.append(OpenSearchEngine.JSON.writeValueAsString(doc)).append('\n');
    if (bulk.length() > 8 << 20) flush();
  }

  private void flush() throws Exception {
    if (bulk.isEmpty()) return;
    JsonNode r = send("POST", "/" + index + "/_bulk", bulk.toString(), false);
    bulk.setLength(0);
    if (r.path("errors").asBoolean()) throw new IllegalStateException("bulk errors: " + r.toString().substring(0, 500));
  }

  @Override
  public void finish() throws Exception {
    flush();
    send("POST", "/" + index + "/_refresh", null, false);
    send("PUT", "/" + index + "/_settings", "{\"index\":{\"refresh_interval\":\"1s\"}}", false);
  }

  @Override
  public List<String> search(String q, int n) throws Exception {
    if (TextEngine.words(q).isEmpty()) return List.of();
    ObjectNode b = OpenSearchEngine.JSON.createObjectNode();
    b.put("size", n);
    b.put("_source", false);
    b.set("query", query(q));
    JsonNode r = send("POST", "/" + index + "/_search", OpenSearchEngine.JSON.writeValueAsString(b), false);
    List<String> ids = new ArrayList<>(n);
    for (JsonNode h : r.path("hits").path("hits")) ids.add(h.path("_id").asText());
    return ids;
  }

  @Override
  public String page(String q) throws Exception {
    return send("POST", "/" + index + "/_search", body(q), false).toString();
  }

  @Override
  public long sizeBytes() throws Exception {
    return send("GET", "/" + index + "/_stats/store", null, false).path("_all").path("primaries").path("store")
        .path("size_in_bytes").asLong();
  }

  @Override
  public void close() {}
}
