package org.bayan.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.index.LuceneIndex;
import org.bayan.search.DuplicateRef;
import org.bayan.search.Hit;
import org.bayan.search.SearchRequest;
import org.bayan.search.SearchResponse;
import org.bayan.statement.Release;
import org.bayan.statement.StatementVersion;
import org.bayan.testing.Fixtures;
import org.bayan.testing.OpenSearchCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Duplicate statements on the cluster, as on the embedded engine: copies of one body (word for word, or with a
 * dateline added and the last sentence cut) form one group, which a result list shows once, naming the others;
 * {@code total} counts the group once; and the groups survive the index being opened again (a server restart),
 * so a copy indexed afterwards joins its group. Statements are generated: each group's body from its own words.
 */
@ExtendWith(OpenSearchCluster.Extension.class)
class OpenSearchDuplicatesTest {
  private static final int GROUPS = 6;
  static AnalyzerRegistry registry;
  static OpenSearchClient client;
  static IndexDefinition definition;
  static long seq;

  @BeforeAll
  static void setUp(OpenSearchCluster cluster) {
    registry = AnalyzerRegistry.load(Fixtures.analyzers());
    client = new OpenSearchClient(cluster.urls());
    // Two shards: a group's copies may lie on either, and the page still shows one of them.
    definition = new IndexDefinition(registry, 2, 0);
    OpenSearchClient.Response r = client.send("GET", "/_alias/duplicates-test", null, null);
    if (r.status() == 200) r.json().fieldNames().forEachRemaining(i -> client.send("DELETE", "/" + i, null, null));
  }

  @AfterAll
  static void tearDown() {
    registry.close();
  }

  /** A body of 40 words all its own (letters standing for the group and the word's place), among common ones. */
  static String body(int g) {
    StringBuilder b = new StringBuilder("The ministry announced that");
    for (int i = 0; i < 40; i++) b.append(' ').append(word(g, i));
    return b.append(". The statement ends here with thanks to everyone.").toString();
  }

  /** "zq" and the letters of g and i: no digits, which analysis would split off. */
  static String word(int g, int i) {
    return "zq" + (char) ('a' + g) + (char) ('a' + i / 26) + (char) ('a' + i % 26) + "x";
  }

  static StatementVersion version(String id, String body, String date) {
    Release r = new Release(id, "moh", "Statement " + id, body, "en", date, null, null, null, null, null);
    seq++;
    return new StatementVersion(seq, r, 1, "h" + seq, Instant.parse("2024-01-01T00:00:00Z"));
  }

  @Test
  void copies_show_once_naming_the_others_counted_once_and_kept_across_a_reopen() {
    OpenSearchIndex index = OpenSearchIndex.open(client, definition, "duplicates-test");
    List<StatementVersion> versions = new ArrayList<>();
    for (int g = 0; g < GROUPS; g++) {
      String b = body(g);
      versions.add(version("g" + g + "-orig", b, "2024-01-0" + (g + 1)));
      versions.add(version("g" + g + "-copy", b, "2024-02-0" + (g + 1)));
      // Another outlet's version: a dateline added, the closing sentence cut.
      versions.add(version("g" + g + "-near", "RIYADH (SPA) - " + b.substring(0, b.indexOf(". The statement")) + ".",
          "2024-03-0" + (g + 1)));
    }
    versions.add(version("alone", "A different statement about roads and bridges, nothing like the others at all.",
        "2024-04-01"));
    index.apply(versions);
    index.commit(versions.size());
    OpenSearchSearch search = new OpenSearchSearch(index, LuceneIndex.analyzer(registry), id -> Optional.empty());

    for (int g = 0; g < GROUPS; g++) {
      Set<String> group = Set.of("g" + g + "-orig", "g" + g + "-copy", "g" + g + "-near");
      SearchResponse res = search.search(SearchRequest.of(word(g, 3) + " " + word(g, 7), 10));
      assertEquals(1, res.hits().size(), "one hit for the group: " + ids(res.hits()));
      Hit hit = res.hits().getFirst();
      Set<String> named = new HashSet<>();
      named.add(hit.id());
      hit.alsoPublishedBy().forEach(d -> named.add(d.id()));
      assertEquals(group, named, "the hit names the others");
      assertEquals(1, res.total(), "the group counts once");
      assertEquals(group.size() - 1, search.duplicatesOf("g" + g + "-copy").size());
    }
    // Browsing: every group once, the statement apart too, each page full until the last.
    SearchResponse all = search.search(SearchRequest.parse(Map.of("size", List.of("4"))));
    assertEquals(GROUPS + 1, all.total());
    Set<String> seen = new HashSet<>();
    String cursor = null;
    do {
      Map<String, List<String>> p = new java.util.HashMap<>(Map.of("size", List.of("4")));
      if (cursor != null) p.put("cursor", List.of(cursor));
      SearchResponse page = search.search(SearchRequest.parse(p));
      for (Hit h : page.hits()) {
        assertTrue(seen.add(h.id()), h.id() + " shown twice");
        for (DuplicateRef d : h.alsoPublishedBy()) assertTrue(seen.add(d.id()), d.id() + " shown again beside " + h.id());
      }
      cursor = page.nextCursor();
    } while (cursor != null);
    assertEquals(GROUPS * 3 + 1, seen.size(), "every statement shown or named once: " + seen);

    // A server restart: the groups are read back from the cluster, and a later copy joins its group.
    OpenSearchIndex reopened = OpenSearchIndex.open(client, definition, "duplicates-test");
    List<StatementVersion> later = List.of(version("g2-later", body(2), "2024-05-01"));
    reopened.apply(later);
    reopened.commit(versions.size() + 1);
    OpenSearchSearch again = new OpenSearchSearch(reopened, LuceneIndex.analyzer(registry), id -> Optional.empty());
    assertEquals(Set.of("g2-orig", "g2-copy", "g2-near"),
        new HashSet<>(again.duplicatesOf("g2-later").stream().map(DuplicateRef::id).toList()));
    List<Hit> hits = again.search(SearchRequest.of(word(2, 3), 10)).hits();
    assertEquals(1, hits.size());
    Set<String> named = new HashSet<>();
    named.add(hits.getFirst().id());
    hits.getFirst().alsoPublishedBy().forEach(d -> named.add(d.id()));
    assertEquals(Set.of("g2-orig", "g2-copy", "g2-near", "g2-later"), named);
  }

  private static List<String> ids(List<Hit> hits) {
    return hits.stream().map(Hit::id).toList();
  }
}
