package org.bayan.search;

import org.bayan.cli.SearchBackend;
import org.bayan.testing.OpenSearchCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The result list's promises ({@link ResultListContract}) over an OpenSearch index of one shard (scores without a
 * DFS phase). Relevance pages are rescored on the cluster (trigram clauses on the first pass's best hits), where a
 * cursor cannot resume with {@code search_after}: the walks check that cursor pages continue the very list the
 * first page began, with each duplicate group once.
 */
@ExtendWith(OpenSearchCluster.Extension.class)
class OpenSearchResultListTest extends ResultListContract {
  @BeforeAll
  static void start(OpenSearchCluster cluster) throws Exception {
    indexDemo(SearchBackend.openSearch(cluster.urls(), "result-list-test", 1, 0));
  }
}
