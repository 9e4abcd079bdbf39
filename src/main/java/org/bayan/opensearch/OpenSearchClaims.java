package org.bayan.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.Query;
import org.bayan.search.DocFrequencies;
import org.bayan.index.Fields;
import org.bayan.search.claims.ClaimIndex;

/**
 * Claim lookup over the cluster: the claim's query, built by {@code search.claims} as for the embedded engine,
 * translated to the query DSL and scored with index-wide statistics ({@code dfs_query_then_fetch}); the
 * words are weighed with the cluster's own document frequencies ({@link OpenSearchStatistics}).
 */
public final class OpenSearchClaims implements ClaimIndex {
  private final OpenSearchClient client;
  private final String alias;
  private final ObjectMapper json;
  private final QueryDsl dsl;
  private final OpenSearchStatistics statistics;

  public OpenSearchClaims(OpenSearchIndex index) {
    this.client = index.client();
    this.alias = index.alias();
    this.json = client.json();
    this.statistics = new OpenSearchStatistics(client, alias);
    this.dsl = new QueryDsl(json, statistics);
  }

  @Override
  public View open() {
    // Nothing to hold open: each question is one request; statistics and search see the index as refreshed
    // at their moment, a difference only a statement indexed in between could make.
    return new View() {
      @Override
      public DocFrequencies statistics() {
        return statistics;
      }

      @Override
      public Found search(Query query, int n, int countUpTo) {
        ObjectNode body = json.createObjectNode();
        body.put("size", n);
        body.put("track_total_hits", countUpTo);
        body.set("query", dsl.of(query));
        JsonNode r = client.call("POST", "/" + alias + "/_search?search_type=dfs_query_then_fetch", body);
        List<Statement> out = new ArrayList<>();
        for (JsonNode h : r.path("hits").path("hits")) out.add(statement(h));
        return new Found(r.path("hits").path("total").path("value").asLong(), out);
      }

      @Override
      public void close() {}
    };
  }

  private static Statement statement(JsonNode hit) {
    JsonNode s = hit.path("_source");
    String language = s.path(Fields.LANGUAGE).asText(null);
    String lang = Fields.indexLanguage(language);
    return new Statement((float) hit.path("_score").asDouble(), s.path(Fields.ID).asText(),
        s.path(Fields.AGENCY).asText(null), language, s.path(Fields.TYPE).asText(null),
        OpenSearchDocuments.text(s, Fields.title(lang)), OpenSearchDocuments.text(s, Fields.body(lang)),
        s.path(Fields.PUBLISHED).asText(), s.path(Fields.SOURCE_URL).asText(null),
        s.path(Fields.CONTENT_HASH).asText(null), s.path(Fields.VERSION).asInt());
  }
}
