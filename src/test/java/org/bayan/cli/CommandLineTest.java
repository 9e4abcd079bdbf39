package org.bayan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bayan.testing.Fixtures;
import org.bayan.testing.SearchCorpus;
import org.bayan.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bayan search} and {@code bayan claim} as a writer uses them, with a server running on the same data
 * folder (it holds the index's write lock): they read, rank as the API does, and print absolute permalinks and
 * citations that carry the day of publication and the agency's own link.
 */
class CommandLineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path tmp;
  static Path data;
  static TestServer server;

  @BeforeAll
  static void serve() throws Exception {
    data = SearchCorpus.build(tmp);
    server = TestServer.start(data);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  record Run(int exit, String out, String err) {}

  static synchronized Run bayan(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--data", data.toString(), "--analyzers", Fixtures.analyzers().toString()));
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
    try {
      var cl = BayanCommand.commandLine();
      cl.setErr(new java.io.PrintWriter(System.err, true));
      int exit = cl.execute(all.toArray(String[]::new));
      return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  private static List<String> apiIds(String query) throws Exception {
    List<String> ids = new ArrayList<>();
    server.get("/api/search?q=" + TestServer.enc(query)).json().get("hits").forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  /** Every permalink printed, in order. */
  private static List<String> links(String out) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile("(\\S*)/s/([\\w.:%-]+)").matcher(out);
    while (m.find()) found.add(m.group());
    return found;
  }

  @Test
  void search_prints_the_apis_ranking_with_absolute_permalinks_while_a_server_runs() throws Exception {
    for (String q : List.of("وزارة الصحة", "vaccination", "تنفي")) {
      Run r = bayan("search", q);
      assertEquals(0, r.exit(), r.err());
      List<String> expected = apiIds(q).stream().map(id -> "http://localhost:7070/s/" + id).toList();
      assertFalse(expected.isEmpty(), q);
      assertEquals(expected, links(r.out()), q + ":\n" + r.out());
    }
  }

  @Test
  void search_json_is_the_api_answer_with_a_permalink_per_hit_at_the_public_url() throws Exception {
    Run r = bayan("search", "--json", "--public-url", "https://bayan.example/", "--lang", "en", "ministry");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = JSON.readTree(r.out());
    JsonNode api = server.get("/api/search?lang=en&q=ministry").json();
    assertEquals(api.get("total"), j.get("total"));
    assertEquals(api.get("hits").size(), j.get("hits").size());
    assertTrue(j.get("hits").size() > 0, r.out());
    for (int i = 0; i < j.get("hits").size(); i++) {
      JsonNode h = j.get("hits").get(i);
      assertEquals(api.get("hits").get(i).get("id"), h.get("id"));
      assertEquals("en", h.get("language").asText());
      assertEquals("https://bayan.example/s/" + h.get("id").asText(), h.get("permalink").asText());
    }
  }

  @Test
  void search_filters_and_bad_parameters_are_named() {
    Run ok = bayan("search", "--agency", "moi", "--from", "2024-01-01");
    assertEquals(0, ok.exit(), ok.err());
    assertTrue(links(ok.out()).stream().allMatch(l -> l.contains("/s/moi-")), ok.out());
    Run bad = bayan("search", "--size", "500", "x");
    assertNotEquals(0, bad.exit());
    assertTrue(bad.err().contains("size"), bad.err());
    Run url = bayan("search", "--public-url", "localhost", "x");
    assertNotEquals(0, url.exit());
    assertTrue(url.err().contains("--public-url"), url.err());
  }

  @Test
  void the_statement_page_and_the_claim_api_cite_with_an_absolute_permalink_the_day_and_the_source() throws Exception {
    for (String ui : List.of("ar", "en")) {
      String page = server.get("/s/moi-1?ui=" + ui).body();
      int at = page.indexOf("id=\"citation-text\"");
      assertTrue(at > 0, page);
      String cite = page.substring(at, page.indexOf("</blockquote>", at)).replaceAll("<[^>]+>", "");
      assertTrue(cite.contains(server.base() + "/s/moi-1"), cite);
      assertTrue(cite.contains("https://moi.example.gov/moi-1"), "the agency's own link: " + cite);
      assertTrue(ui.equals("ar") ? cite.contains("«وزارة الداخلية تنفي إغلاق الطرق»")
          : cite.contains("“وزارة الداخلية تنفي إغلاق الطرق,”"), cite);
    }
    JsonNode hit = server.get("/api/claims/lookup?text=" + TestServer.enc("وزارة الداخلية تنفي إغلاق الطرق")).json()
        .get("hits").get(0);
    String citation = hit.get("citation").asText();
    assertTrue(citation.contains("، 2024-05-01. " + server.base() + "/s/moi-1 "), citation);
    assertTrue(citation.endsWith("المصدر: " + hit.get("source_url").asText()), citation);
  }

  @Test
  void claim_reads_while_a_server_runs_and_cites_with_the_day_the_source_and_an_absolute_permalink() {
    Run r = bayan("claim", "وزارة الداخلية تنفي إغلاق الطرق", "--type", "denial");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertFalse(r.err().contains("another Bayan process"), r.err());
    String citation = r.out().lines().filter(l -> l.contains("SHA-256")).findFirst().orElseThrow();
    assertTrue(citation.contains("«وزارة الداخلية تنفي إغلاق الطرق»"), citation);
    assertTrue(citation.contains("، 2024-05-01. http://localhost:7070/s/moi-1 "), citation);
    assertFalse(citation.contains("T10:00"), "a timestamp is no date to cite: " + citation);
    assertTrue(citation.endsWith("المصدر: https://moi.example.gov/moi-1"), citation);
    assertFalse(r.out().contains(" /s/"), "relative permalink printed: " + r.out());
  }
}
