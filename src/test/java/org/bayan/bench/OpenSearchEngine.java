package org.bayan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OpenSearch over REST: one index, one shard, no replica; the text in field {@code ar} (the {@code arabic}
 * analyzer) or {@code en} ({@code english}); bulk-loaded with refresh off, refreshed at the end. Queries: a
 * {@code match} query (OR of the analyzed words) on the field of the query's script, top 10, no _source.
 */
final class OpenSearchEngine implements TextEngine {
  static final ObjectMapper JSON = new ObjectMapper();
  private final String base;
  private final String index;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final StringBuilder bulk = new StringBuilder();

  OpenSearchEngine(String base, String index, boolean create) throws Exception {
    this.base = base;
    this.index = index;
    if (create) {
      send("DELETE", "/" + index, null, true);
      send("PUT", "/" + index, JSON.writeValueAsString(Map.of(
          "settings", Map.of("number_of_shards", 1, "number_of_replicas", 0, "refresh_interval", "-1"),
          "mappings", Map.of("properties", Map.of(
              "ar", Map.of("type", "text", "analyzer", "arabic"),
              "en", Map.of("type", "text", "analyzer", "english"))))), false);
    }
  }

  private JsonNode send(String method, String path, String body, boolean allowError) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type",
        path.endsWith("_bulk") ? "application/x-ndjson" : "application/json");
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (r.statusCode() >= 300 && !allowError) {
      throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body().substring(0, Math.min(500, r.body().length())));
    }
    return JSON.readTree(r.body());
  }

  /** The search request body for a free-text query (also written, URL-encoded, for wrk). */
  static String body(String q, int n) throws Exception {
    String field = TextEngine.isArabic(q) ? "ar" : "en";
    return JSON.writeValueAsString(Map.of("size", n, "_source", false, "track_total_hits", 10_000,
        "query", Map.of("match", Map.of(field, Map.of("query", q)))));
  }

  @Override
  public void add(BenchDoc d) throws Exception {
    bulk.append(JSON.writeValueAsString(Map.of("index", Map.of("_id", d.id())))).append('\n');
    bulk.append(JSON.writeValueAsString(Map.of("ar".equals(d.lang()) ? "ar" : "en", d.text()))).append('\n');
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
    JsonNode r = send("POST", "/" + index + "/_search", body(q, n), false);
    List<String> ids = new ArrayList<>(n);
    for (JsonNode h : r.path("hits").path("hits")) ids.add(h.path("_id").asText());
    return ids;
  }

  @Override
  public long sizeBytes() throws Exception {
    return send("GET", "/" + index + "/_stats/store", null, false).path("_all").path("primaries").path("store")
        .path("size_in_bytes").asLong();
  }

  @Override
  public void close() {}
}
