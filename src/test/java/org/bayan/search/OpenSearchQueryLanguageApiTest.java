package org.bayan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.bayan.testing.OpenSearchCluster;
import org.bayan.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The query language contract over a 2-node OpenSearch cluster. */
@ExtendWith(OpenSearchCluster.Extension.class)
class OpenSearchQueryLanguageApiTest extends QueryLanguageContract {
  @BeforeAll
  static void start(OpenSearchCluster cluster) throws Exception {
    startWith(cluster.backend("query-language-test"));
  }

  // Not offered by the OpenSearch engine yet (docs/opensearch.md, "Gaps"): a cursor is a 400 naming it.

  @Override
  @Test
  @Disabled("cursor paging: not yet with OpenSearch (search_after with a point in time would give it)")
  void a_cursor_walks_a_result_set_to_the_end_in_each_order() {}

  @Override
  @Test
  @Disabled("cursor paging: not yet with OpenSearch")
  void a_garbled_forged_or_foreign_cursor_is_a_400() {}

  @Override
  @Test
  @Disabled("spelling suggestions: not yet with OpenSearch (a term suggester over the exact fields would give them)")
  void did_you_mean_offers_a_corrected_query_from_the_index_vocabulary() {}

  /** As the contract's, except that OpenSearch marks each word of a phrase rather than the phrase whole. */
  @Override
  @Test
  void highlights_mark_stemmed_normalized_phrase_and_prefix_matches_at_their_place() throws Exception {
    JsonNode hit = q("vaccinations").get("hits").get(0);
    assertTrue(hit.get("title").asText().contains("<mark>vaccination</mark>"), hit.toString());
    JsonNode ar = q("الانفلونزا").get("hits").get(0);
    assertTrue(ar.get("snippet").asText().contains("<mark>الإنفلونزا</mark>"), ar.toString());
    JsonNode phrase = q("\"مؤتمرا صحفيا\"").get("hits").get(0);
    assertTrue(phrase.get("snippet").asText().contains("<mark>مُؤْتَمَراً</mark> <mark>صَحَفِيّاً</mark>"),
        phrase.toString());
    JsonNode prefix = q("الداخ*").get("hits").get(0);
    assertTrue(prefix.get("title").asText().contains("<mark>الداخلية</mark>"), prefix.toString());
    String shown = q("campaign note").get("hits").toString();
    assertFalse(shown.contains("<script") || shown.contains("<b>"), shown);
    assertTrue(shown.contains("&lt;script&gt;"), shown);
  }

  @Test
  void a_cursor_is_refused_with_a_400_naming_it() throws Exception {
    TestServer.Response r = server.get("/api/search?q=health&cursor=abc");
    assertEquals(400, r.status(), r.body());
    assertTrue(r.json().get("detail").asText().contains("cursor"), r.body());
  }
}
