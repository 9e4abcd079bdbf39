package org.bayan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bayan.testing.Fixtures;
import org.bayan.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over HTTP: each hit is highlighted in its own language's text, prose is searched in the fields of its script's
 * language, a word or three in every language, and a body longer than the highlighter reads still gets a
 * passage.
 */
class HitLanguageApiTest {
  @TempDir static Path tmp;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.agencies(in, "mof", "moe");
    String longBody = "Opening remarks of the minister. ".repeat(Snippets.MAX_HIGHLIGHT_CHARS / 30)
        + "The reservoir programme closes the list.";
    Fixtures.lines(in.resolve("r.jsonl"), List.of(
        Fixtures.release("en-budget", "mof", "Budget for 2024 approved",
            "The finance ministry said the budget for 2024 was approved by the cabinet on Monday morning. "
                + "Ministers discussed the revenue forecast for the coming year in some detail. "
                + "They agreed on the new tax rules for small firms and for large importers. "
                + "The budget raises spending on schools in every region of the country. "
                + "It also funds the repair of roads and bridges damaged by the winter floods. "
                + "Officials will present the figures to parliament next week.", "2024-01-10"),
        Fixtures.release("ar-opec", "moe", "وزارة الطاقة ومنظمة OPEC",
            "قالت وزارة الطاقة إن اجتماع OPEC في عام 2024 ناقش الإنتاج. وأضافت أن الاجتماع القادم في الربيع.", "2024-02-01"),
        Fixtures.release("en-opec", "moe", "Energy ministry at the OPEC meeting",
            "The energy ministry attended the OPEC meeting and discussed production.", "2024-02-02"),
        Fixtures.release("en-long", "moe", "Water statement", longBody, "2024-03-01")));
    Path data = tmp.resolve("data");
    Fixtures.indexed(data, in);
    server = TestServer.start(data);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static Map<String, JsonNode> hits(String q) throws Exception {
    TestServer.Response r = server.get("/api/search?q=" + TestServer.enc(q));
    assertEquals(200, r.status(), r.body());
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode h : r.json().get("hits")) out.put(h.get("id").asText(), h);
    return out;
  }

  @Test
  void englishProseDoesNotFindArabicStatementsThroughItsNumbers() throws Exception {
    Map<String, JsonNode> h = hits("what did the finance ministry say about the budget for 2024");
    assertTrue(h.containsKey("en-budget"), h.keySet().toString());
    assertFalse(h.containsKey("ar-opec"), "shares only the year with the question: " + h.keySet());
  }

  @Test
  void aLatinNameAloneStillFindsTheArabicStatementQuotingIt() throws Exception {
    Map<String, JsonNode> h = hits("OPEC");
    assertEquals(List.of("ar-opec", "en-opec"), new ArrayList<>(h.keySet()).stream().sorted().toList());
    // each hit is marked in its own language's text
    assertTrue(h.get("ar-opec").get("title").asText().contains("<mark>OPEC</mark>"), h.get("ar-opec").toString());
    assertTrue(h.get("ar-opec").get("snippet").asText().contains("اجتماع <mark>OPEC</mark>"), h.get("ar-opec").toString());
    assertTrue(h.get("en-opec").get("snippet").asText().contains("the <mark>OPEC</mark> meeting"), h.get("en-opec").toString());
  }

  @Test
  void arabicProseIsHighlightedInTheArabicText() throws Exception {
    JsonNode hit = hits("ماذا ناقش اجتماع وزارة الطاقة عن الإنتاج").get("ar-opec");
    String snippet = hit.get("snippet").asText();
    assertTrue(snippet.contains("<mark>الطاقة</mark>") && snippet.contains("<mark>الإنتاج</mark>"), snippet);
    assertTrue(hit.get("title").asText().contains("<mark>الطاقة</mark>"), hit.toString());
  }

  @Test
  void aPassageIsWholeSentencesAroundTheMatch() throws Exception {
    String snippet = hits("spending on schools").get("en-budget").get("snippet").asText();
    assertTrue(snippet.contains("<mark>spending</mark>"), snippet);
    assertTrue(snippet.startsWith("They agreed") || snippet.startsWith("The budget raises"), snippet);
    assertFalse(snippet.contains("cabinet") || snippet.contains("parliament"), snippet);
  }

  @Test
  void aMatchPastWhatTheHighlighterReadsLeavesTheLeadAsThePassage() throws Exception {
    JsonNode hit = hits("reservoir").get("en-long");
    String snippet = hit.get("snippet").asText();
    assertTrue(snippet.startsWith("Opening remarks of the minister."), snippet);
    assertFalse(snippet.contains("<mark>"), snippet);
    assertTrue(snippet.length() < 2 * Snippets.SNIPPET_CHARS, snippet);
  }
}
