package org.bayan.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.bayan.testing.DemoData;
import org.bayan.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Completions come most useful first, on the demo set: titles that begin with what is typed before those
 * that hold it further on, the newest first within each, never in the index's internal order.
 */
class SuggestOrderTest {
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(DemoData.data());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) server.close();
  }

  record Shown(String title, String published) {}

  static List<Shown> titles(String typed) throws Exception {
    List<Shown> out = new ArrayList<>();
    for (JsonNode s : server.get("/api/suggest?size=10&q=" + TestServer.enc(typed)).json().path("suggestions")) {
      if (!s.path("kind").asText().equals("title")) continue;
      String published = server.get("/api/statements/" + TestServer.enc(s.path("id").asText())).json()
          .path("published_at").asText();
      out.add(new Shown(s.path("text").asText(), published));
    }
    return out;
  }

  /** The checks for one prefix typed; an empty string when they hold, else why not. */
  static String check(String typed) throws Exception {
    List<Shown> shown = titles(typed);
    boolean inRest = false;
    for (int i = 0; i < shown.size(); i++) {
      boolean begins = shown.get(i).title().startsWith(typed);
      if (begins && inRest) return typed + ": a title beginning with it after one that does not: " + shown;
      if (!begins) inRest = true;
      if (i > 0 && begins == shown.get(i - 1).title().startsWith(typed)
          && shown.get(i).published().compareTo(shown.get(i - 1).published()) > 0) {
        return typed + ": not newest first: " + shown;
      }
    }
    return "";
  }

  @Test
  void titles_beginning_with_the_words_typed_come_first_and_newest_first() throws Exception {
    List<String> failures = new ArrayList<>();
    String vz = check("وزا");
    if (!vz.isEmpty()) failures.add(vz);
    assertTrue(titles("وزا").getFirst().title().startsWith("وزا"));
    // Prefixes of the first words of demo titles, spelled with letters the normalization leaves alone.
    Set<String> prefixes = new LinkedHashSet<>();
    List<String> words = new ArrayList<>();
    for (JsonNode h : server.get("/api/search?size=100&lang=ar").json().path("hits")) {
      String first = h.path("title").asText().replaceAll("<[^>]+>", "").strip().split("\\s+")[0];
      if (first.matches("[بتثجحخدذرزسشصضطظعغفقكلمنوي]{4,}")) words.add(first);
    }
    Collections.shuffle(words, new Random(6));
    for (String w : words) if (prefixes.size() < 12) prefixes.add(w.substring(0, 3));
    assertTrue(prefixes.size() >= 8, prefixes.toString());
    for (String p : prefixes) {
      String why = check(p);
      if (!why.isEmpty()) failures.add(why);
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void agencies_come_before_titles() throws Exception {
    JsonNode s = server.get("/api/suggest?size=10&q=" + TestServer.enc("وزارة")).json().path("suggestions");
    boolean title = false;
    for (JsonNode x : s) {
      if (x.path("kind").asText().equals("title")) title = true;
      else assertFalse(title, "an agency after a title: " + s);
    }
  }
}
