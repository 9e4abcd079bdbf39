package org.bayan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.bayan.testing.Fixtures;
import org.bayan.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claim lookup on the bundled demo set, as a fact-checker following the README meets it: a claim with no good
 * match says so, duplicates come back once, and a statement's own headline is covered by it entirely.
 */
class DemoClaimTest {
  /** The README's claim; no demo statement writes تعويم (floating a currency). */
  static final String README_CLAIM = "البنك المركزي التونسي قرر تعويم الدينار";

  @TempDir static Path tmp;
  static TestServer server;
  static String cliOutput;
  /** Demo releases: id → title, and the ids of every body published more than once. */
  static final Map<String, String> titles = new LinkedHashMap<>();
  static final Map<String, List<String>> copies = new LinkedHashMap<>();

  @BeforeAll
  static void indexDemo() throws Exception {
    Path demo = Fixtures.project().resolve("demo");
    IndexCommand.run(tmp, Fixtures.analyzers(), List.of(demo.resolve("releases.jsonl.gz")),
        demo.resolve("agencies.json"), 200_000);
    ObjectMapper json = new ObjectMapper();
    Map<String, List<String>> byBody = new LinkedHashMap<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(demo.resolve("releases.jsonl.gz"))), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        JsonNode r = json.readTree(line);
        titles.put(r.get("id").asText(), r.get("title").asText());
        byBody.computeIfAbsent(r.get("body").asText().strip(), k -> new ArrayList<>()).add(r.get("id").asText());
      }
    }
    byBody.values().stream().filter(ids -> ids.size() > 1).forEach(ids -> ids.forEach(id -> copies.put(id, ids)));
    // The command line reads the folder before the server opens it.
    cliOutput = cli("claim", "--data", tmp.toString(), "--analyzers", Fixtures.analyzers().toString(), "--type",
        "denial", README_CLAIM);
    server = TestServer.start(tmp);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static String cli(String... args) {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      assertEquals(0, BayanCommand.commandLine().execute(args));
    } finally {
      System.setOut(out);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  private static JsonNode claim(String text, String... params) throws Exception {
    StringBuilder q = new StringBuilder("/api/claims/lookup?text=" + TestServer.enc(text));
    for (String p : params) q.append('&').append(p);
    TestServer.Response r = server.get(q.toString());
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  @Test
  void the_readmes_claim_names_the_word_no_statement_holds_and_marks_its_unrelated_hits_weak() throws Exception {
    JsonNode j = claim(README_CLAIM, "type=denial");
    assertEquals(List.of("تعويم"), texts(j.get("not_in_index")), j.toString());
    assertEquals(List.of("البنك", "المركزي", "التونسي", "قرر", "تعويم", "الدينار"), texts(j.get("claim_words")));
    assertTrue(j.get("hits").size() > 0, j.toString());
    // The first hit is an airline strike statement: it shares التونسي (التونسية) and nothing else.
    for (JsonNode h : j.get("hits")) {
      assertTrue(h.get("weak_match").asBoolean(), h.get("title") + " " + h.get("coverage"));
      assertTrue(texts(h.get("coverage").get("missing")).contains("تعويم"), h.get("coverage").toString());
    }
  }

  @Test
  void the_command_line_prints_coverage_missing_words_and_the_weak_match_warning() {
    assertTrue(cliOutput.contains("claim words: البنك المركزي التونسي قرر تعويم الدينار"), cliOutput);
    assertTrue(cliOutput.contains("in no statement: تعويم"), cliOutput);
    assertFalse(cliOutput.contains("terms: "), "internal forms are not shown: " + cliOutput);
    String first = cliOutput.substring(cliOutput.indexOf("\n1. "));
    first = first.substring(0, first.indexOf('\n', first.indexOf('\n', 1) + 1));
    assertTrue(first.contains("WEAK MATCH") && first.contains("lacks:") && first.contains("تعويم"), first);
  }

  @Test
  void duplicates_come_back_once_for_claims_made_of_their_headlines() throws Exception {
    assertTrue(copies.containsKey("ant-JA-localNews-4183-20170502") && copies.containsKey("ant-JA-localNews-4597-20170502"),
        "the demo publishes the interior minister's denial twice");
    Set<List<String>> groups = new HashSet<>(copies.values());
    assertTrue(groups.size() >= 2, groups.toString());
    for (List<String> group : groups) {
      JsonNode j = claim(titles.get(group.getFirst()), "limit=50");
      Set<String> seen = new HashSet<>();
      for (JsonNode h : j.get("hits")) {
        assertTrue(seen.add(h.get("id").asText()), "shown twice: " + h.get("id"));
        for (JsonNode d : h.get("also_published_by")) assertTrue(seen.add(d.get("id").asText()), "shown again: " + d);
      }
      assertTrue(seen.containsAll(group), "every copy is a hit or listed beside one: " + group);
    }
  }

  @Test
  void a_statements_own_headline_is_covered_entirely_by_it_and_an_invented_word_is_named() throws Exception {
    // Headlines no other statement shares ("Washington, D.C." heads dozens of releases).
    Map<String, Long> uses = new LinkedHashMap<>();
    titles.values().forEach(t -> uses.merge(t, 1L, Long::sum));
    List<String> ids = titles.keySet().stream().filter(id -> uses.get(titles.get(id)) <= 1 && !titles.get(id).isBlank()
        && !copies.containsKey(id)).toList();
    assertTrue(ids.size() > 500, "most demo headlines are their statement's own: " + ids.size());
    Random random = new Random(3);
    for (int i = 0; i < 25; i++) {
      String id = ids.get(random.nextInt(ids.size()));
      String title = titles.get(id);
      JsonNode own = find(claim(title, "limit=50"), id);
      assertNotNull(own, "no hit for its own headline: " + id + " " + title);
      assertEquals(1.0, own.get("coverage").get("share").asDouble(), own.toString());
      assertEquals(List.of(), texts(own.get("coverage").get("missing")));
      assertFalse(own.get("weak_match").asBoolean());
      String invented = title.codePoints().anyMatch(c -> c >= 0x600 && c <= 0x6ff) ? "زقظغثخ" : "qxzvjwk";
      JsonNode j = claim(title + " " + invented, "limit=50");
      assertEquals(List.of(invented), texts(j.get("not_in_index")), j.get("not_in_index").toString());
      JsonNode again = find(j, id);
      assertNotNull(again, id);
      assertEquals(List.of(invented), texts(again.get("coverage").get("missing")));
      assertTrue(again.get("coverage").get("share").asDouble() < 1.0, again.toString());
    }
  }

  /** The hit for statement {@code id}, or for the copy of it the lookup shows. */
  private static JsonNode find(JsonNode answer, String id) {
    List<String> same = copies.getOrDefault(id, List.of(id));
    for (JsonNode h : answer.get("hits")) if (same.contains(h.get("id").asText())) return h;
    return null;
  }
}
