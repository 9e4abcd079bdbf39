package org.bayan.http;

import org.bayan.cli.SearchBackend;
import org.junit.jupiter.api.BeforeAll;

/** The API contract over the embedded Lucene engine. */
class ApiTest extends ApiContract {
  @BeforeAll
  static void start() throws Exception {
    startWith(SearchBackend.LUCENE);
  }
}
