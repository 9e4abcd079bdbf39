package org.bayan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.index.LuceneIndex;
import org.bayan.ingest.IndexSync;
import org.bayan.ingest.ReleaseParser;
import org.bayan.statement.Release;
import org.bayan.store.ReleaseStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Real duplicates: SaudiNewsNet holds hundreds of bodies published more than once, read from ../shared. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuplicatesTest {
  @TempDir static Path dir;
  AnalyzerRegistry analyzers;
  ReleaseStore store;
  LuceneIndex index;
  IndexSync sync;
  SearchService search;
  /** Body → ids of the SaudiNewsNet records carrying it, for bodies carried by two or more. */
  final Map<String, List<String>> shared = new LinkedHashMap<>();
  final List<Release> others = new ArrayList<>();

  @BeforeAll
  void indexCorpus() throws Exception {
    Path corpus = Path.of(System.getProperty("bayan.shared", "../shared"), "corpora/saudinewsnet/releases.jsonl.gz");
    assertTrue(Files.exists(corpus), "the shared SaudiNewsNet corpus is at " + corpus);
    ReleaseParser parser = new ReleaseParser(a -> true, ReleaseParser.DEFAULT_MAX_BODY_CHARS);
    Map<String, List<Release>> byBody = new LinkedHashMap<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(corpus)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        Release r = parser.parse(line.getBytes(StandardCharsets.UTF_8));
        byBody.computeIfAbsent(r.body(), k -> new ArrayList<>()).add(r);
      }
    }
    List<Release> chosen = new ArrayList<>();
    for (var e : byBody.entrySet()) {
      if (e.getValue().size() > 1) {
        shared.put(e.getKey(), e.getValue().stream().map(Release::id).toList());
        chosen.addAll(e.getValue());
      } else if (others.size() < 1500) {
        others.add(e.getValue().getFirst());
        chosen.add(e.getValue().getFirst());
      }
    }
    assertTrue(shared.size() > 300, "hundreds of bodies are published more than once: " + shared.size());
    analyzers = AnalyzerRegistry.load(Path.of("analyzers"));
    store = ReleaseStore.open(dir.resolve("store"));
    index = LuceneIndex.open(dir.resolve("index"), analyzers);
    sync = new IndexSync(store, index);
    store.append(chosen);
    sync.catchUp();
    search = new SearchService(index, a -> Optional.empty());
  }

  @AfterAll
  void close() throws Exception {
    index.close();
    store.close();
    analyzers.close();
  }

  @Test
  void every_identical_body_is_linked_to_the_others_and_to_nothing_else() {
    for (List<String> ids : shared.values()) {
      for (String id : ids) {
        Set<String> dups = new HashSet<>(search.duplicatesOf(id).stream().map(DuplicateRef::id).toList());
        Set<String> expected = new HashSet<>(ids);
        expected.remove(id);
        assertTrue(dups.containsAll(expected), id + " is linked to " + expected + ", got " + dups);
      }
    }
  }

  @Test
  void search_results_collapse_a_duplicated_statement_into_one_hit_that_names_the_others() {
    int checked = 0;
    for (var e : shared.entrySet()) {
      String[] words = e.getKey().strip().split("\\s+");
      if (words.length < 30 || e.getValue().size() < 2) continue;
      String phrase = "\"" + String.join(" ", List.of(words).subList(5, 12)) + "\"";
      SearchResponse res = search.search(SearchRequest.of(phrase, 50));
      // One hit stands for the group (it may be a near copy of it that ranked higher), naming the others.
      List<Hit> covering = res.hits().stream().filter(h -> e.getValue().contains(h.id())
          || h.alsoPublishedBy().stream().anyMatch(d -> e.getValue().contains(d.id()))).toList();
      assertEquals(1, covering.size(), phrase + " → " + res.hits().stream().map(Hit::id).toList());
      Set<String> named = new HashSet<>(covering.getFirst().alsoPublishedBy().stream().map(DuplicateRef::id).toList());
      named.add(covering.getFirst().id());
      assertTrue(named.containsAll(e.getValue()), "also published by " + named + ", expected " + e.getValue());
      if (++checked == 40) break;
    }
    assertEquals(40, checked);
  }

  @Test
  void eval_ranks_what_the_first_page_shows_each_hit_followed_by_the_copies_it_names() {
    // Queries of words from the corpus, as a writer or a topic would type them (no operators): bodies with
    // copies and without, two to twelve words, from the start and the middle of a body.
    List<String> queries = new ArrayList<>();
    List<String> bodies = new ArrayList<>(shared.keySet().stream().limit(40).toList());
    others.stream().limit(40).map(Release::body).forEach(bodies::add);
    int k = 0;
    for (String body : bodies) {
      // Letters and digits only: quotes, dashes and brackets are operators to /api/search, plain text to eval.
      String[] words = body.replaceAll("[^\\p{L}\\p{N}]+", " ").strip().split(" ");
      int len = 2 + (k++ % 11);
      int from = words.length > len + 20 ? 10 : 0;
      queries.add(String.join(" ", List.of(words).subList(from, Math.min(words.length, from + len))));
    }
    int withCopies = 0;
    for (String q : queries) {
      for (int n : List.of(10, 30)) {
        SearchResponse page = search.search(SearchRequest.of(q, n));
        List<String> shown = new ArrayList<>();
        for (Hit h : page.hits()) {
          shown.add(h.id());
          h.alsoPublishedBy().forEach(d -> shown.add(d.id()));
          if (!h.alsoPublishedBy().isEmpty()) withCopies++;
        }
        assertEquals(shown.subList(0, Math.min(n, shown.size())), search.rankedIds(SearchRequest.of(q, n), n), q);
      }
    }
    assertTrue(withCopies > 20, "the queries meet hits with copies: " + withCopies);
  }

  @Test
  void browsing_never_shows_two_hits_of_one_group_on_a_page_and_pages_stay_full() {
    for (int page = 1; page <= 5; page++) {
      SearchResponse res = search.search(SearchRequest.parse(java.util.Map.of("page", List.of("" + page), "size", List.of("100"))));
      assertEquals(100, res.hits().size());
      Set<String> ids = new HashSet<>();
      for (Hit h : res.hits()) {
        ids.add(h.id());
        for (DuplicateRef d : h.alsoPublishedBy()) assertFalse(ids.contains(d.id()), "duplicate " + d.id() + " shown twice");
      }
      for (Hit h : res.hits()) {
        for (DuplicateRef d : h.alsoPublishedBy()) assertFalse(ids.contains(d.id()), "duplicate " + d.id() + " shown twice");
      }
    }
  }

  @Test
  void paging_with_a_cursor_shows_each_group_once_across_pages() {
    for (String sort : List.of("relevance", "newest")) {
      Set<String> shown = new HashSet<>(); // hits and the copies they named, on earlier pages
      String cursor = null;
      int hits = 0;
      for (int page = 1; page <= 12; page++) {
        Map<String, List<String>> params = new LinkedHashMap<>(Map.of("q", List.of("السعودية"), "size", List.of("25"),
            "sort", List.of(sort)));
        if (cursor != null) params.put("cursor", List.of(cursor));
        SearchResponse res = search.search(SearchRequest.parse(params));
        for (Hit h : res.hits()) {
          assertFalse(shown.contains(h.id()), sort + ", page " + page + ": " + h.id() + " was shown or named before");
          shown.add(h.id());
          h.alsoPublishedBy().forEach(d -> shown.add(d.id()));
          hits++;
        }
        cursor = res.nextCursor();
        if (cursor == null) break;
      }
      assertTrue(hits >= 200, sort + ": " + hits + " hits paged through");
    }
  }

  @Test
  void a_reworded_copy_joins_the_group_and_an_unrelated_release_does_not() {
    Release original = others.stream().filter(r -> r.body().split("\\s+").length > 120).findFirst().orElseThrow();
    String body = original.body();
    // Another outlet adds a dateline and drops the closing sentence.
    String copy = "الرياض - واس: " + body.substring(0, body.lastIndexOf(' ', body.length() - 40));
    Release unrelated = others.stream().filter(r -> r != original && r.body().split("\\s+").length > 120)
        .skip(3).findFirst().orElseThrow();
    store.append(List.of(
        new Release("copy-1", "spa", "", copy, "ar", "2015-08-01", null, null, null, null, null),
        new Release("copy-2", "spa", "", unrelated.body() + " وأضاف", "ar", "2015-08-01", null, null, null, null, null)));
    sync.catchUp();
    assertTrue(search.duplicatesOf("copy-1").stream().anyMatch(d -> d.id().equals(original.id())));
    assertTrue(search.duplicatesOf("copy-2").stream().anyMatch(d -> d.id().equals(unrelated.id())));
    assertFalse(search.duplicatesOf("copy-1").stream().anyMatch(d -> d.id().equals(unrelated.id())));
    assertNotEquals(original.id(), unrelated.id());
  }

  @Test
  void a_paragraph_pasted_twice_shows_once_in_snippets_and_the_store_keeps_the_text_as_published() {
    String a = "أعلنت هيئة الأرصاد الجوية عن موجة حر شديدة تبدأ يوم الأحد وتستمر حتى نهاية الأسبوع القادم";
    String b = "ودعت المواطنين إلى تجنب التعرض لأشعة الشمس في ساعات الذروة";
    String body = a + "\n" + b + "\n" + a;
    store.append(List.of(new Release("pasted-1", "spa", "موجة حر", body, "ar", "2015-08-02", null, null, null, null, null)));
    sync.catchUp();
    Hit hit = search.search(SearchRequest.of("موجة حر شديدة", 50)).hits().stream()
        .filter(h -> h.id().equals("pasted-1")).findFirst().orElseThrow();
    String plain = hit.snippet().replace("<mark>", "").replace("</mark>", "");
    assertEquals(1, plain.split("الأرصاد الجوية", -1).length - 1, plain);
    assertTrue(plain.contains("أشعة الشمس"), plain);
    assertEquals(body, store.latest("pasted-1").orElseThrow().release().body());
  }
}
