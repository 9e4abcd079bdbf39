package org.bayan.search;

import org.bayan.cli.SearchBackend;
import org.junit.jupiter.api.BeforeAll;

/** The query language contract over the embedded Lucene engine. */
class QueryLanguageApiTest extends QueryLanguageContract {
  @BeforeAll
  static void start() throws Exception {
    startWith(SearchBackend.LUCENE);
  }
}
