package org.bayan.http;

import org.bayan.testing.OpenSearchCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The claim lookup contract over a 2-node OpenSearch cluster (2 shards, 1 replica). */
@ExtendWith(OpenSearchCluster.Extension.class)
class OpenSearchClaimApiTest extends ClaimApiContract {
  @BeforeAll
  static void start(OpenSearchCluster cluster) throws Exception {
    startWith(cluster.backend("claim-api-test"));
  }
}
