package org.bayan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.bayan.cli.SearchBackend;
import org.bayan.testing.Fixtures;
import org.bayan.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a result list promises on every engine, checked on queries generated from the demo set's own words. One
 * result list, however it is walked: queries (with phrases, exclusions and filters) are walked page by page and by
 * cursor at several page sizes over HTTP, and every walk must list the same hits, each once, in the same order,
 * with the same scores, as many as {@code total} says ({@link ResultListPropertiesTest}: embedded;
 * {@link OpenSearchResultListTest}).
 */
abstract class ResultListContract {
  private static final int QUERIES = 10;
  private static final Pattern WORD = Pattern.compile("[\\p{IsArabic}\\p{IsLatin}]{3,}");

  @TempDir static Path tmp;
  static TestServer server;
  /** Every word of the demo titles and bodies, once per occurrence (a frequent word is drawn more often). */
  static final List<String> words = new ArrayList<>();
  /** Pairs of adjacent title words, for phrases. */
  static final List<String> pairs = new ArrayList<>();
  static final List<String> agencies = new ArrayList<>();

  /** Indexes the demo set on {@code backend} and starts a server searching it. */
  static void indexDemo(SearchBackend backend) throws Exception {
    Path demo = Fixtures.project().resolve("demo");
    Fixtures.indexed(tmp.resolve("data"), backend, demo);
    server = TestServer.start(tmp.resolve("data"), backend);
    Set<String> agencySet = new LinkedHashSet<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(demo.resolve("releases.jsonl.gz"))), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode r = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        agencySet.add(r.path("agency").asText());
        List<String> title = tokens(r.path("title").asText());
        for (int i = 0; i + 1 < title.size(); i++) pairs.add(title.get(i) + " " + title.get(i + 1));
        words.addAll(title);
        words.addAll(tokens(r.path("body").asText()));
      }
    }
    agencies.addAll(agencySet);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) server.close();
  }

  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) out.add(m.group());
    return out;
  }

  /** One hit as a walk sees it: its id and score. */
  record Seen(String id, double score) {}

  /** What a walk listed, and the total and relation its pages announced. */
  record Walk(List<Seen> hits, Set<String> folded, long total, String relation) {}

  @Test
  void paging_shows_every_hit_once() throws Exception {
    long seed = Long.getLong("bayan.seed", System.nanoTime());
    Random random = new Random(seed);
    List<String> queries = new ArrayList<>(List.of("وزارة الصحة", "وزارة الصحة -تونس", "border wall"));
    while (queries.size() < QUERIES) queries.add(query(random));
    for (String q : queries) {
      String sort = random.nextInt(5) == 0 ? (random.nextBoolean() ? "newest" : "oldest") : null;
      String context = "query " + q + (sort == null ? "" : " sort=" + sort) + " (seed " + seed + ")";
      Walk reference = byPage(q, sort, 100, context);
      List<String> ids = reference.hits.stream().map(Seen::id).toList();
      assertEquals(ids.size(), new HashSet<>(ids).size(), "a hit listed twice: " + context);
      for (String id : ids) {
        assertFalse(reference.folded.contains(id), id + " is listed as a hit and beside another: " + context);
      }
      if ("eq".equals(reference.relation)) {
        assertEquals(reference.total, ids.size(), "total counts what the pages hold: " + context);
      } else {
        assertTrue(ids.size() >= reference.total, "total is a lower bound: " + context);
      }
      if (sort == null) {
        for (int i = 1; i < reference.hits.size(); i++) {
          assertTrue(reference.hits.get(i).score <= reference.hits.get(i - 1).score,
              "scores fall along the list, at rank " + (i + 1) + ": " + context);
        }
      }
      List<Walk> others = new ArrayList<>();
      others.add(byPage(q, sort, 7, context));
      others.add(byCursor(q, sort, 7, context));
      others.add(byCursor(q, sort, 100, context));
      if (ids.size() <= 60) others.add(byCursor(q, sort, 1, context));
      for (Walk w : others) {
        assertEquals(reference.hits, w.hits, "the same hits in the same order with the same scores: " + context);
        assertEquals(reference.total, w.total, context);
      }
      if (!ids.isEmpty() && "eq".equals(reference.relation)) {
        // The last page a pager offers for `total` holds hits.
        for (int size : List.of(7, 10)) {
          long last = (reference.total + size - 1) / size;
          JsonNode page = get(q, sort, "&size=" + size + "&page=" + last, context);
          assertFalse(page.path("hits").isEmpty(), "page " + last + " of size " + size + " is empty: " + context);
        }
      }
    }
  }

  /** A query of one to three corpus words, sometimes with a phrase, an exclusion or a filter. */
  private static String query(Random random) {
    List<String> parts = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) parts.add(words.get(random.nextInt(words.size())));
    if (random.nextInt(4) == 0) parts.add('"' + pairs.get(random.nextInt(pairs.size())) + '"');
    if (random.nextInt(3) == 0) parts.add("-" + words.get(random.nextInt(words.size())));
    switch (random.nextInt(6)) {
      case 0 -> parts.add("agency:" + agencies.get(random.nextInt(agencies.size())));
      case 1 -> parts.add(random.nextBoolean() ? "lang:ar" : "lang:en");
      case 2 -> parts.add("-agency:" + agencies.get(random.nextInt(agencies.size())));
      default -> { }
    }
    return String.join(" ", parts);
  }

  static JsonNode get(String q, String sort, String rest, String context) throws Exception {
    TestServer.Response r = server.get("/api/search?q=" + TestServer.enc(q) + (sort == null ? "" : "&sort=" + sort) + rest);
    assertEquals(200, r.status(), r.body() + " " + context);
    return r.json();
  }

  static Walk byPage(String q, String sort, int size, String context) throws Exception {
    List<Seen> hits = new ArrayList<>();
    Set<String> folded = new HashSet<>();
    long total = -1;
    String relation = null;
    for (int page = 1; page * size <= 10_000; page++) {
      JsonNode j = get(q, sort, "&size=" + size + "&page=" + page, context);
      if (total < 0) {
        total = j.path("total").asLong();
        relation = j.path("total_relation").asText();
      }
      assertEquals(total, j.path("total").asLong(), "total changes from page to page: " + context);
      add(j, hits, folded);
      if (j.path("hits").size() < size) break;
    }
    return new Walk(hits, folded, total, relation);
  }

  static Walk byCursor(String q, String sort, int size, String context) throws Exception {
    List<Seen> hits = new ArrayList<>();
    Set<String> folded = new HashSet<>();
    JsonNode j = get(q, sort, "&size=" + size, context);
    long total = j.path("total").asLong();
    String relation = j.path("total_relation").asText();
    add(j, hits, folded);
    for (int pages = 0; j.hasNonNull("next_cursor") && pages < 2_000; pages++) {
      j = get(q, sort, "&size=" + size + "&cursor=" + TestServer.enc(j.get("next_cursor").asText()), context);
      add(j, hits, folded);
    }
    return new Walk(hits, folded, total, relation);
  }

  private static void add(JsonNode page, List<Seen> hits, Set<String> folded) {
    for (JsonNode h : page.path("hits")) {
      hits.add(new Seen(h.path("id").asText(), h.path("score").asDouble()));
      for (JsonNode d : h.path("also_published_by")) folded.add(d.path("id").asText());
    }
  }
}
