package org.bayan.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.bayan.cli.SearchBackend;
import org.bayan.testing.Fixtures;
import org.bayan.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The claim lookup contract over the embedded Lucene engine. */
class ClaimApiTest extends ClaimApiContract {
  @BeforeAll
  static void start() throws Exception {
    startWith(SearchBackend.LUCENE);
  }

  // The embedded engine's search folds a duplicate group into its best hit; claim lookup does the same.
  // (The cluster's search lists duplicates apart, and so does its claim lookup.)
  @Test
  void a_release_published_twice_comes_back_once_with_its_copy_listed_as_search_shows_it() throws Exception {
    String claim = "استقالة وزير الداخلية الهادي مجدوب";
    JsonNode j = post(Fixtures.json(Map.of("text", claim))).json();
    List<String> ids = new java.util.ArrayList<>();
    j.get("hits").forEach(h -> ids.add(h.get("id").asText()));
    assertEquals(1, ids.stream().filter(id -> id.equals(RESIGN_ID) || id.equals(RESIGN_COPY_ID)).count(), j.toString());
    JsonNode s = server.get("/api/search?q=" + TestServer.enc(claim)).json().get("hits").get(0);
    JsonNode c = j.get("hits").get(0);
    assertEquals(s.get("id"), c.get("id"), "the copy search shows is the one the lookup shows");
    assertEquals(s.get("also_published_by"), c.get("also_published_by"));
    assertEquals(1, c.get("also_published_by").size(), c.toString());
  }
}
