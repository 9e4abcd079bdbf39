package org.bayan.http;

import org.bayan.cli.SearchBackend;
import org.junit.jupiter.api.BeforeAll;

/** The claim lookup contract over the embedded Lucene engine. */
class ClaimApiTest extends ClaimApiContract {
  @BeforeAll
  static void start() throws Exception {
    startWith(SearchBackend.LUCENE);
  }
}
