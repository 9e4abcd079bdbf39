package org.bayan.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bayan.cli.Service;
import org.bayan.search.SearchPlanner;
import org.bayan.testing.Fixtures;
import org.bayan.testing.TestServer;
import org.bayan.testing.TestServer.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every limit on what one request may ask for answers a 4xx naming the limit, never a 500 or a stall. */
class AbuseLimitsTest {
  @TempDir static Path tmp;
  static Path data;
  static Path budgetData;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.agencies(in, "moh");
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 600; i++) many.append("zzword").append(Integer.toString(i, 36)).append(' ');
    Fixtures.lines(in.resolve("r.jsonl"), List.of(
        Fixtures.release("moh-1", "moh", "حملة تطعيم", "أعلنت وزارة الصحة عن حملة تطعيم abxyzc " + many, "2024-05-01"),
        Fixtures.release("moh-2", "moh", "Health notice", "The ministry of health announced vaccination.", "2024-02-01")));
    data = index(in, tmp.resolve("data"));
    budgetData = index(in, tmp.resolve("budget"));
    server = TestServer.start(data);
  }

  static Path index(Path in, Path data) throws Exception {
    Fixtures.indexed(data, in);
    return data;
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static void assertLimit(Response r, int status, String param, String detailPart) {
    assertEquals(status, r.status(), r.body());
    JsonNode j = r.json();
    assertTrue(j.get("detail").asText().contains(detailPart), j.toString());
    if (param != null) assertTrue(j.get("detail").asText().contains(param), j.toString());
  }

  @Test
  void query_length_result_size_and_page_depth_are_capped() throws Exception {
    assertLimit(server.get("/api/search?q=" + "ب".repeat(1_001)), 400, "q", "1000");
    assertLimit(server.get("/api/search?q=x&size=101"), 400, "size", "100");
    assertLimit(server.get("/api/search?q=x&page=200&size=100"), 400, "page", "10000");
  }

  @Test
  void a_query_with_too_many_terms_gets_400_naming_the_cap() throws Exception {
    List<String> words = new ArrayList<>();
    for (int i = 0; i <= SearchPlanner.MAX_QUERY_TERMS; i++) words.add("w" + i);
    assertLimit(server.get("/api/search?q=" + TestServer.enc(String.join(" ", words))), 400, "q",
        "at most " + SearchPlanner.MAX_QUERY_TERMS + " terms");
    // OR groups and exclusions count each of their terms.
    assertLimit(server.get("/api/search?q=" + TestServer.enc(String.join(" OR ", words))), 400, "q", "terms");
    assertLimit(server.get("/api/search?q=" + TestServer.enc("-" + String.join(" -", words))), 400, "q", "terms");
    words.removeLast();
    assertEquals(200, server.get("/api/search?q=" + TestServer.enc(String.join(" ", words))).status());
  }

  @Test
  void a_prefix_matching_hundreds_of_words_expands_to_a_bounded_set_and_still_finds_the_statement() throws Exception {
    Response r = server.get("/api/search?q=" + TestServer.enc("zzword*"));
    assertEquals(200, r.status(), r.body());
    assertEquals("moh-1", r.json().at("/hits/0/id").asText());
    // Many such prefixes at once stay within the clause limits.
    Response many = server.get("/api/search?q=" + TestServer.enc("zz* zzw* zzwo* zzwor* zzword* zzword1* zzword2* OR zzword3*"));
    assertEquals(200, many.status(), many.body());
  }

  @Test
  void regular_expressions_are_not_part_of_the_language_and_are_searched_as_text() throws Exception {
    for (String q : List.of("/ab.*c/", "ab.*c", "/[a-z]+/", "abx?zc", "ab~2")) {
      Response r = server.get("/api/search?q=" + TestServer.enc(q));
      assertEquals(200, r.status(), q + ": " + r.body());
      for (JsonNode h : r.json().get("hits")) {
        assertFalse(h.get("id").asText().equals("moh-1") && !r.json().get("query").asText().contains("abxyzc"),
            q + " matched 'abxyzc' as a pattern");
      }
    }
  }

  @Test
  void a_search_over_its_time_budget_answers_partial_results_not_an_error() throws Exception {
    // A budget of 0 ms is spent before the first document is collected.
    try (TestServer zero = TestServer.start(budgetData, new Service.Options(Service.DEFAULT_LOG_ORIGIN,
        WebSettings.DEFAULT, 1 << 20, LimitSettings.NONE, 0))) {
      Response r = zero.get("/api/search?q=" + TestServer.enc("تطعيم"));
      assertEquals(200, r.status(), r.body());
      assertTrue(r.json().get("partial").asBoolean(), r.body());
    }
    assertFalse(server.get("/api/search?q=" + TestServer.enc("تطعيم")).json().get("partial").asBoolean());
  }

  @Test
  void a_claim_body_larger_than_a_claim_needs_is_refused_before_it_is_read() throws Exception {
    String big = "{\"text\":\"" + "ب".repeat(200_000) + "\"}";
    Response r = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/claims/lookup"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(big)).build());
    assertLimit(r, 413, null, "KiB");
    assertEquals("payload_too_large", r.json().get("error").asText());
  }
}
