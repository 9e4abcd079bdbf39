package org.bayan.search;

import org.bayan.testing.OpenSearchCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Arabic word forms contract over a 2-node OpenSearch cluster. */
@ExtendWith(OpenSearchCluster.Extension.class)
class OpenSearchArabicWordFormsApiTest extends ArabicWordFormsContract {
  @BeforeAll
  static void start(OpenSearchCluster cluster) throws Exception {
    startWith(cluster.backend("word-forms-test"));
  }
}
