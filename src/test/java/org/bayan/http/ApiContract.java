package org.bayan.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import org.bayan.cli.SearchBackend;
import org.bayan.ingest.push.ApiKey;
import org.bayan.ingest.push.ApiKeys;
import org.bayan.store.DataLayout;
import org.bayan.testing.Fixtures;
import org.bayan.testing.TestServer;
import org.bayan.testing.TestServer.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API of a real server on a random port, over a real data folder: what every search engine must
 * answer alike. Subclasses choose the engine ({@link ApiTest}: embedded Lucene; {@link OpenSearchApiTest}).
 */
abstract class ApiContract {
  @TempDir static Path tmp;
  static TestServer server;
  static String adminKey;

  /** Indexes the fixture releases into {@code backend} and serves them. */
  static void startWith(SearchBackend backend) throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.agencies(in, "moi", "moh");
    Fixtures.lines(in.resolve("r.jsonl"), List.of(
        Fixtures.release("moi-1", "moi", "وزارة الداخلية تنفي إغلاق الطرق",
            "نفت وزارة الداخلية ما تم تداوله بشأن إغلاق الطرق الرئيسية يوم الجمعة.", "2024-05-01T10:00:00+03:00"),
        Fixtures.release("moi-2", "moi", "بلاغ حول الامتحانات",
            "أعلنت الوزارة عن مواعيد الامتحانات الوطنية لسنة ٢٠٢٤.", "2023-06-10"),
        Fixtures.release("moh-1", "moh", "Ministry of Health statement",
            "The ministry of health announced a vaccination campaign.", "2024-02-01"),
        Fixtures.release("xss-1", "moh", "<script>window.pwned=1</script> notice",
            "Statement with <img src=x onerror=alert(1)> markup and the word vaccination.", "2024-03-01")));
    Path data = tmp.resolve("data");
    Fixtures.indexed(data, backend, in);
    adminKey = new ApiKeys(new DataLayout(data).apiKeysFile()).create("operator", null, List.of(ApiKey.ADMIN));
    server = TestServer.start(data, backend);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static void assertError(Response r, int status, String detailPart) {
    assertEquals(status, r.status(), r.body());
    assertTrue(r.contentType().startsWith("application/json"), r.contentType());
    JsonNode j = r.json();
    assertTrue(j.hasNonNull("error") && j.hasNonNull("detail"), r.body());
    assertTrue(j.get("detail").asText().contains(detailPart), r.body());
  }

  @Test
  void metrics_gauges_are_numbers_on_every_engine() throws Exception {
    Response m = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/metrics"))
        .header("Authorization", "Bearer " + adminKey).GET().build());
    assertEquals(200, m.status(), m.body());
    List<String> gauges = m.body().lines().filter(l -> l.startsWith("bayan_") && !l.contains("{")).toList();
    assertTrue(gauges.stream().anyMatch(l -> l.startsWith("bayan_index_backlog_bytes ")), m.body());
    assertTrue(gauges.stream().anyMatch(l -> l.startsWith("bayan_statements 4")), m.body());
    for (String g : gauges) assertFalse(g.endsWith("NaN"), "a gauge without a value: " + g);
  }

  @Test
  void debug_timing_shows_the_stages_a_search_ran_and_only_when_asked_on_every_engine() throws Exception {
    for (String q : List.of("الداخلية", "vaccination", "وزارة الداخلية الطرق", "")) {
      Response plain = server.get("/api/search?q=" + TestServer.enc(q));
      assertEquals(200, plain.status(), plain.body());
      assertFalse(plain.json().has("timing"), "timings only when asked for: " + plain.body());
      Response timed = server.get("/api/search?debug=timing&q=" + TestServer.enc(q));
      assertEquals(200, timed.status(), timed.body());
      JsonNode timing = timed.json().get("timing");
      assertTrue(timing != null && timing.isObject(), timed.body());
      // Every search plans and runs a first pass; every stage named is one the documentation lists.
      assertTrue(timing.has("plan") && timing.has("first_pass"), timed.body());
      List<String> stages = List.of("plan", "first_pass", "rescore", "collapse", "facets", "count", "page", "fetch",
          "highlight", "duplicates", "spelling");
      timing.fieldNames().forEachRemaining(stage -> {
        assertTrue(stages.contains(stage), "unknown stage " + stage + " in " + timed.body());
        assertTrue(timing.get(stage).isNumber() && timing.get(stage).asDouble() >= 0, timed.body());
      });
      // The timings describe the same answer.
      assertEquals(plain.json().get("total"), timed.json().get("total"), timed.body());
      assertEquals(plain.json().get("hits").size(), timed.json().get("hits").size(), timed.body());
    }
  }

  @Test
  void an_unknown_debug_view_is_refused_naming_the_parameter_on_every_engine() throws Exception {
    for (String v : List.of("timings", "", "TIMING", "explain")) {
      assertError(server.get("/api/search?q=x&debug=" + TestServer.enc(v)), 400, "debug");
    }
  }

  @Test
  void search_stage_timings_reach_metrics_from_the_api_and_the_page_on_every_engine() throws Exception {
    double before = stageCount("first_pass");
    assertEquals(200, server.get("/api/search?q=" + TestServer.enc("الطرق")).status());
    assertEquals(200, server.get("/?q=" + TestServer.enc("الطرق")).status());
    assertEquals(before + 2, stageCount("first_pass"), 0.0);
  }

  private static double stageCount(String stage) throws Exception {
    Response m = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/metrics"))
        .header("Authorization", "Bearer " + adminKey).GET().build());
    assertEquals(200, m.status(), m.body());
    String prefix = "bayan_search_stage_seconds_count{stage=\"" + stage + "\"}";
    return m.body().lines().filter(l -> l.startsWith(prefix)).mapToDouble(l -> Double.parseDouble(l.substring(
        l.lastIndexOf(' ') + 1))).findFirst().orElse(0);
  }

  @Test
  void a_typed_stop_word_is_not_marked_on_its_own_on_every_engine() throws Exception {
    Response r = server.get("/api/search?q=" + TestServer.enc("ما إغلاق الطرق"));
    assertEquals(200, r.status(), r.body());
    JsonNode hit = r.json().get("hits").get(0);
    assertEquals("moi-1", hit.get("id").asText(), r.body());
    String snippet = hit.get("snippet").asText();
    assertTrue(snippet.contains("<mark>إغلاق</mark>") && snippet.contains("<mark>الطرق</mark>"), snippet);
    assertFalse(snippet.contains("<mark>ما</mark>"), snippet);
  }

  @Test
  void search_returns_hits_with_agency_date_source_and_highlighted_snippet() throws Exception {
    Response r = server.get("/api/search?q=" + TestServer.enc("الداخليه"));
    assertEquals(200, r.status(), r.body());
    JsonNode j = r.json();
    assertEquals(1, j.get("total").asInt());
    JsonNode hit = j.get("hits").get(0);
    assertEquals("moi-1", hit.get("id").asText());
    assertEquals("moi", hit.get("agency").get("id").asText());
    assertEquals("وزارة moi", hit.get("agency").get("name_ar").asText());
    assertEquals("2024-05-01T10:00:00+03:00", hit.get("published_at").asText());
    assertEquals("https://moi.example.gov/releases/moi-1", hit.get("source_url").asText());
    assertEquals("ar", hit.get("language").asText());
    assertTrue(hit.get("snippet").asText().contains("<mark>الداخلية</mark>"), hit.toString());
    assertTrue(hit.get("title").asText().contains("<mark>الداخلية</mark>"), hit.toString());
    assertTrue(j.has("took_ms") && j.get("page").asInt() == 1 && j.get("size").asInt() == 10);
  }

  @Test
  void filters_by_agency_language_and_dates() throws Exception {
    assertEquals(2, server.get("/api/search?agency=moi").json().get("total").asInt());
    assertEquals(4, server.get("/api/search?agency=moi&agency=moh").json().get("total").asInt());
    assertEquals(2, server.get("/api/search?lang=en").json().get("total").asInt());
    JsonNode j = server.get("/api/search?from=2024-01-01&to=2024-02-29").json();
    assertEquals(1, j.get("total").asInt());
    assertEquals("moh-1", j.get("hits").get(0).get("id").asText());
    // With no query, newest first.
    JsonNode all = server.get("/api/search").json();
    assertEquals("moi-1", all.get("hits").get(0).get("id").asText());
  }

  @Test
  void statement_text_is_escaped_in_titles_and_snippets() throws Exception {
    JsonNode hit = server.get("/api/search?q=vaccination&size=5").json().get("hits").get(0);
    String shown = hit.get("title").asText() + hit.get("snippet").asText();
    JsonNode all = server.get("/api/search?q=" + TestServer.enc("notice markup")).json();
    for (JsonNode h : all.get("hits")) shown += h.get("title").asText() + h.get("snippet").asText();
    assertFalse(shown.contains("<script") || shown.contains("<img"), shown);
    assertTrue(shown.contains("&lt;script&gt;") || shown.contains("&lt;img"), shown);
  }

  @Test
  void a_statement_is_returned_whole_with_its_hash() throws Exception {
    Response r = server.get("/api/statements/moi-1");
    assertEquals(200, r.status());
    JsonNode j = r.json();
    assertEquals("moi-1", j.get("id").asText());
    assertTrue(j.get("body").asText().startsWith("نفت وزارة الداخلية"));
    assertEquals(64, j.get("content_hash").asText().length());
    assertEquals(1, j.get("version").asInt());
  }

  @Test
  void agencies_are_listed_with_statement_counts() throws Exception {
    JsonNode a = server.get("/api/agencies").json().get("agencies");
    assertEquals(2, a.size());
    assertEquals("moh", a.get(0).get("id").asText());
    assertEquals(2, a.get(0).get("statements").asInt());
  }

  @Test
  void an_invalid_date_is_a_400_naming_the_parameter() throws Exception {
    assertError(server.get("/api/search?q=x&from=2024-13-45"), 400, "'from'");
    assertError(server.get("/api/search?q=x&to=yesterday"), 400, "'to'");
  }

  @Test
  void a_page_size_over_100_is_a_400() throws Exception {
    assertError(server.get("/api/search?q=x&size=101"), 400, "'size'");
    assertError(server.get("/api/search?q=x&page=abc"), 400, "'page'");
    assertError(server.get("/api/search?q=x&lang=fr"), 400, "'lang'");
  }

  @Test
  void unknown_routes_and_statements_are_404() throws Exception {
    assertError(server.get("/api/nothing-here"), 404, "/api/nothing-here");
    assertError(server.get("/api/statements/no-such-id"), 404, "no-such-id");
  }

  @Test
  void a_wrong_method_is_405() throws Exception {
    Response r = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/search"))
        .DELETE().build());
    assertError(r, 405, "DELETE");
  }

  @Test
  void queries_the_parser_cannot_read_are_searched_literally_never_a_500() throws Exception {
    for (String q : List.of("\"unbalanced", "-", "((", "OR AND", "*", "~2", "\\", "وزارة\"", "a:b:c", "?",
        "[1 TO", "\u0000", "ـــ", "))((\"\"--||++")) {
      Response r = server.get("/api/search?q=" + TestServer.enc(q));
      assertEquals(200, r.status(), q + " → " + r.body());
    }
    Response r = server.get("/api/search?q=" + TestServer.enc("\"الداخلية"));
    assertEquals(1, r.json().get("total").asInt(), r.body());
  }

  @Test
  void health_is_reported() throws Exception {
    JsonNode j = server.get("/healthz").json();
    assertEquals("ok", j.get("status").asText());
    assertEquals(4, j.get("statements").asInt());
  }
}
