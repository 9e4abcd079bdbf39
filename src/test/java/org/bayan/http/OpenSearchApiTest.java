package org.bayan.http;

import org.bayan.testing.OpenSearchCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The API contract over a 2-node OpenSearch cluster (2 shards, 1 replica). */
@ExtendWith(OpenSearchCluster.Extension.class)
class OpenSearchApiTest extends ApiContract {
  @BeforeAll
  static void start(OpenSearchCluster cluster) throws Exception {
    startWith(cluster.backend("api-test"));
  }
}
