package org.bayan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bayan.cli.Engine;
import org.bayan.http.Json;
import org.bayan.ingest.Indexer;
import org.bayan.ingest.RejectsReport;
import org.bayan.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Facets past 10,000 matches count the best hits and say so; below, they stay exact. */
class FacetSampleTest {
  static final int ROADS = SearchService.TOTAL_HITS_THRESHOLD + 200;
  static final int HEALTH = 40;
  @TempDir static Path tmp;
  static Engine engine;
  static SearchService search;

  @BeforeAll
  static void index() throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.agencies(in, "moi", "moh");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < ROADS; i++) {
      lines.add(Fixtures.release("road-" + i, "moi", "Road notice " + i, "Road works notice number " + i, "2020-01-01"));
    }
    for (int i = 0; i < HEALTH; i++) {
      lines.add(Fixtures.release("health-" + i, "moh", "Vaccination road clinic " + i,
          "Vaccination campaign and road clinic " + i, "2021-01-01"));
    }
    Fixtures.lines(in.resolve("r.jsonl"), lines);
    engine = Engine.open(tmp.resolve("data"), Fixtures.analyzers(), true);
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    new Indexer(engine.store, engine.agencies, engine.sync, new RejectsReport(engine.layout.rejectsFile()), 100_000,
        quiet, quiet, false).run(List.of(in));
    search = new SearchService(engine.index, engine.agencies::get);
  }

  @AfterAll
  static void close() throws Exception {
    engine.close();
  }

  static Map<String, Long> agencies(SearchResponse r) {
    return r.facets().get("agency").stream().collect(Collectors.toMap(FacetValue::value, FacetValue::count));
  }

  @Test
  void aQueryMatchingFewStatementsCountsThemExactly() {
    SearchResponse r = search.search(SearchRequest.of("vaccination", 10));
    assertEquals(HEALTH, r.total());
    assertEquals("eq", Json.mapper().valueToTree(r).path("total_relation").asText());
    assertFalse(r.facetsApproximate());
    assertEquals(Map.of("moh", (long) HEALTH), agencies(r));
    assertFalse(Json.mapper().valueToTree(r).path("facets_approximate").asBoolean(true));
  }

  @Test
  void aQueryMatchingMostStatementsCountsTheBestHitsAndSaysSo() {
    SearchResponse r = search.search(SearchRequest.of("road vaccination", 10));
    assertTrue(r.total() >= SearchService.TOTAL_HITS_THRESHOLD, "total is at least the threshold: " + r.total());
    assertTrue(r.total() <= ROADS + HEALTH);
    assertEquals("gte", Json.mapper().valueToTree(r).path("total_relation").asText(), "total says it is a lower bound");
    assertNotNull(r.nextCursor(), "a cursor walks on past the counted hits");
    assertTrue(r.facetsApproximate());
    Map<String, Long> a = agencies(r);
    assertEquals(SearchService.FACET_SAMPLE, a.values().stream().mapToLong(Long::longValue).sum());
    // the best hits mention both words: every health statement is among them, the rest are road notices
    assertEquals(HEALTH, a.get("moh"));
    assertEquals(SearchService.FACET_SAMPLE - HEALTH, a.get("moi"));
    JsonNode json = Json.mapper().valueToTree(r);
    assertTrue(json.path("facets_approximate").asBoolean(false));
    assertEquals(SearchService.FACET_SAMPLE, sum(r, "year"));
  }

  @Test
  void browsingEverythingIsApproximateToo() {
    SearchResponse r = search.search(SearchRequest.of(null, 10));
    assertTrue(r.facetsApproximate());
    assertEquals("2021", r.hits().isEmpty() ? null : r.hits().get(0).publishedAt().substring(0, 4));
  }

  static long sum(SearchResponse r, String dim) {
    return r.facets().get(dim).stream().mapToLong(FacetValue::count).sum();
  }
}
