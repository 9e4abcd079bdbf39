package org.bayan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.bayan.testing.DemoData;
import org.bayan.testing.Fixtures;
import org.bayan.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Did you mean" on the demo set, as a reader meets it: the word offered is one the statements actually
 * write (not the index's normalized spelling), it is offered only when it finds more, and the search page
 * shows it as a link in both interface languages.
 */
class DidYouMeanTest {
  static TestServer server;
  /** Every word as the demo statements write it (titles and bodies), with how often. */
  static Map<String, Integer> written = new HashMap<>();

  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{M}]+");
  private static final Pattern ARABIC_LETTERS = Pattern.compile("[\\u0621-\\u064A]+");
  private static final String REPLACEMENTS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي";

  @BeforeAll
  static void start() throws Exception {
    Path demo = Fixtures.project().resolve("demo");
    server = TestServer.start(DemoData.data());
    ObjectMapper json = new ObjectMapper();
    try (var in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(demo.resolve("releases.jsonl.gz"))), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.isBlank()) continue;
        JsonNode r = json.readTree(line);
        for (String field : List.of("title", "body")) {
          for (String w : NOT_WORD.split(r.path(field).asText(""))) if (!w.isEmpty()) written.merge(w, 1, Integer::sum);
        }
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) server.close();
  }

  static JsonNode search(String q) throws Exception {
    return server.get("/api/search?size=1&q=" + TestServer.enc(q)).json();
  }

  @Test
  void the_word_offered_is_spelled_as_the_statements_write_it() throws Exception {
    assertEquals("مؤتمر", search("موتمر").path("did_you_mean").asText(null));
    assertEquals("رئيس", search("رييس").path("did_you_mean").asText(null));
    assertEquals("الحكومة", search("الحكومو").path("did_you_mean").asText(null));
  }

  @Test
  void a_word_the_statements_hold_is_not_corrected() throws Exception {
    JsonNode j = search("يقرر");
    assertTrue(j.path("total").asLong() > 0, j.toString());
    assertFalse(j.hasNonNull("did_you_mean"), "يقرر has hits: " + j);
  }

  /**
   * Real words of the demo with one letter changed (not the first: the spelling checker keeps it): whatever
   * is offered is a word as the statements write it and finds more than the misspelling.
   */
  @Test
  void misspelled_demo_words_get_a_written_word_that_finds_more() throws Exception {
    List<String> words = new ArrayList<>(written.entrySet().stream()
        .filter(e -> e.getValue() >= 3 && e.getKey().length() >= 5 && ARABIC_LETTERS.matcher(e.getKey()).matches())
        .map(Map.Entry::getKey).sorted().toList());
    Random random = new Random(18);
    Collections.shuffle(words, random);
    int tried = 0, offered = 0;
    List<String> failures = new ArrayList<>();
    for (String word : words) {
      if (tried == 40) break;
      int at = 1 + random.nextInt(word.length() - 2);
      char c;
      do c = REPLACEMENTS.charAt(random.nextInt(REPLACEMENTS.length())); while (c == word.charAt(at));
      String typo = word.substring(0, at) + c + word.substring(at + 1);
      if (written.containsKey(typo)) continue;
      JsonNode j = search(typo);
      long found = j.path("total").asLong();
      if (found >= SearchService.FEW_HITS) continue; // finds enough: no suggestion is asked for
      tried++;
      String offer = j.path("did_you_mean").asText(null);
      if (offer == null) continue;
      offered++;
      if (!written.containsKey(offer)) failures.add(typo + " → " + offer + ": no statement writes it so");
      long more = search(offer).path("total").asLong();
      if (more <= found) failures.add(typo + " → " + offer + ": finds " + more + ", not more than " + found);
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertTrue(tried >= 30, "too few misspellings tried: " + tried);
    assertTrue(offered >= tried / 2, "a suggestion for only " + offered + " of " + tried + " misspellings");
  }

  @Test
  void the_search_page_shows_the_suggestion_as_a_link_in_arabic_and_english() throws Exception {
    String ar = server.get("/?q=" + TestServer.enc("موتمر")).body();
    String link = "href=\"/?q=" + TestServer.enc("مؤتمر") + "\"";
    assertTrue(ar.contains("class=\"did-you-mean\"") && ar.contains("هل تقصد:") && ar.contains(link), ar);
    String en = server.get("/?ui=en&q=" + TestServer.enc("موتمر") + "&lang=ar").body();
    assertTrue(en.contains("Did you mean:"), en);
    assertTrue(en.contains("href=\"/?q=" + TestServer.enc("مؤتمر") + "&amp;lang=ar&amp;ui=en\""),
        "the link keeps the filters and the interface language: " + en);
    assertFalse(server.get("/?q=" + TestServer.enc("مؤتمر")).body().contains("did-you-mean"));
  }
}
