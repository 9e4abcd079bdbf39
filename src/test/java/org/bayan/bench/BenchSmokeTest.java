package org.bayan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bayan.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark suite's parts on the demo releases, in seconds: the comparators index and find, the wrk inputs
 * are written, the repeated corpus gets new ids, and the script parses. The full run (bench/run.sh) is not a test.
 */
class BenchSmokeTest {
  static final List<Path> DEMO = List.of(Fixtures.project().resolve("demo/releases.jsonl.gz"));
  @TempDir Path tmp;

  @Test
  void everyInProcessComparatorIndexesTheDemoAndFindsAStatementByItsTitle() throws Exception {
    BenchDoc[] first = new BenchDoc[1];
    BenchDoc.forEach(DEMO, 1, d -> { if (first[0] == null && d.lang().equals("ar") && !d.title().isBlank()) first[0] = d; });
    for (String name : List.of("lucene", "lucene-page", "sqlite", "sqlite-norm")) {
      String target = tmp.resolve(name + (name.startsWith("lucene") ? "" : ".db")).toString();
      try (TextEngine e = Harness.engine(name, target, true)) {
        long n = BenchDoc.forEach(DEMO, 1, d -> {
          try {
            e.add(d);
          } catch (Exception ex) {
            throw new IllegalStateException(ex);
          }
        });
        e.finish();
        assertEquals(1_077, n);
        assertTrue(e.sizeBytes() > 0, name);
      }
      try (TextEngine e = Harness.engine(name, target, false)) {
        List<String> ids = e.search(first[0].title(), 10);
        assertTrue(ids.contains(first[0].id()), name + " finds " + first[0].id() + " by its title: " + ids);
        assertEquals(List.of(), e.search("!!", 10), name);
      }
    }
  }

  @Test
  void theRawLucenePageMarksItsHitsAndCountsEveryMatchInEachFacet() throws Exception {
    List<BenchDoc> docs = new java.util.ArrayList<>();
    BenchDoc.forEach(DEMO, 1, docs::add);
    Path dir = tmp.resolve("lucene-page");
    try (TextEngine e = Harness.engine("lucene-page", dir.toString(), true)) {
      for (BenchDoc d : docs) e.add(d);
      e.finish();
    }
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    try (TextEngine e = Harness.engine("lucene-page", dir.toString(), false)) {
      PageEngine page = (PageEngine) e;
      // every tenth statement's title, in both languages: a page a reader of either script would get
      for (int i = 0; i < docs.size(); i += 10) {
        BenchDoc d = docs.get(i);
        if (d.title().isBlank() || TextEngine.words(d.title()).isEmpty()) continue;
        com.fasterxml.jackson.databind.JsonNode p = json.readTree(page.page(d.title()));
        long total = p.path("total").asLong();
        var hits = p.path("hits");
        assertTrue(hits.size() > 0 && hits.size() <= 10, d.title() + ": " + hits.size() + " hits");
        assertEquals(Math.min(10, total), hits.size(), d.title());
        for (var h : hits) {
          for (String f : List.of("id", "agency", "title", "snippet", "published_at", "language")) {
            assertTrue(h.hasNonNull(f), d.title() + ": a hit without " + f + ": " + h);
          }
          // escaped text: the only markup is the highlighter's own
          String shown = (h.path("title").asText() + h.path("snippet").asText()).replace("<mark>", "").replace("</mark>", "");
          assertFalse(shown.contains("<"), shown);
        }
        assertTrue(hits.get(0).path("title").asText().contains("<mark>") || hits.get(0).path("snippet").asText().contains("<mark>"),
            d.title() + ": the best hit shows its match: " + hits.get(0));
        // below 10,000 matches each single-valued facet counts every match once
        for (String dim : List.of("language", "year")) {
          long sum = 0;
          for (var v : p.path("facets").path(dim)) sum += v.path("count").asLong();
          assertEquals(total, sum, d.title() + ": " + dim + " counts " + p.path("facets").path(dim));
        }
        assertTrue(p.path("facets").path("agency").size() <= PageEngine.AGENCY_VALUES);
        assertTrue(p.path("facets").has("type"));
      }
      assertEquals(0, json.readTree(page.page("!!")).path("total").asLong());
    }
  }

  @Test
  void theRepeatedCorpusHasNewIdsAndTheAgencies() throws Exception {
    Harness.main(new String[] {"corpus", tmp.resolve("x2").toString(), "2", DEMO.get(0).toString()});
    long[] n = {0};
    java.util.Set<String> ids = new java.util.HashSet<>();
    BenchDoc.forEach(List.of(tmp.resolve("x2")), 1, d -> { n[0]++; ids.add(d.id()); });
    assertEquals(2 * 1_077, n[0]);
    assertEquals(2 * 1_077, ids.size());
    assertTrue(Files.size(tmp.resolve("x2/agencies.json")) > 100);
  }

  @Test
  void wrkInputsAreOneRequestALine() throws Exception {
    Path kw = tmp.resolve("kw.txt");
    Path claims = tmp.resolve("claims.jsonl");
    Path ids = tmp.resolve("opensearch.txt");
    Path pages = tmp.resolve("opensearch-page.jsonl");
    Harness.main(new String[] {"queries", Fixtures.shared().resolve("eval").toString(), kw.toString(), claims.toString(),
        ids.toString(), pages.toString()});
    List<String> lines = Files.readAllLines(kw, StandardCharsets.UTF_8);
    assertTrue(lines.size() > 1_000);
    assertFalse(lines.stream().anyMatch(l -> l.contains(" ") || l.contains("&")), "URL-encoded");
    assertTrue(Files.readAllLines(claims).getFirst().startsWith("{\""));
    assertEquals(lines.size(), Files.readAllLines(ids, StandardCharsets.UTF_8).size());
    // one OpenSearch page request per topic, in the same order, asking for what Bayan's page shows
    List<String> bodies = Files.readAllLines(pages, StandardCharsets.UTF_8);
    assertEquals(lines.size(), bodies.size());
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (int i = 0; i < bodies.size(); i += 97) {
      String q = java.net.URLDecoder.decode(lines.get(i), StandardCharsets.UTF_8);
      String lang = TextEngine.isArabic(q) ? "ar" : "en";
      com.fasterxml.jackson.databind.JsonNode b = json.readTree(bodies.get(i));
      assertEquals(10, b.path("size").asInt());
      assertEquals(PageEngine.TRACK_TOTAL_HITS, b.path("track_total_hits").asInt());
      for (String dim : PageEngine.FACETS) assertTrue(b.path("aggs").has(dim), dim + " in " + b);
      assertTrue(b.path("highlight").path("fields").has("title_" + lang), q);
      assertTrue(b.path("highlight").path("fields").has("body_" + lang), q);
      assertTrue(b.path("query").toString().contains(json.writeValueAsString(q)), "the topic itself is searched: " + q);
    }
  }

  @Test
  void theScriptParses() throws Exception {
    Process p = new ProcessBuilder("bash", "-n", Fixtures.project().resolve("bench/run.sh").toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
  }
}
