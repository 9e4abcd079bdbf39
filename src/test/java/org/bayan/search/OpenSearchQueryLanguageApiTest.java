package org.bayan.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.bayan.testing.OpenSearchCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The query language contract over a 2-node OpenSearch cluster. */
@ExtendWith(OpenSearchCluster.Extension.class)
class OpenSearchQueryLanguageApiTest extends QueryLanguageContract {
  @BeforeAll
  static void start(OpenSearchCluster cluster) throws Exception {
    startWith(cluster.backend("query-language-test"));
  }

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
}
