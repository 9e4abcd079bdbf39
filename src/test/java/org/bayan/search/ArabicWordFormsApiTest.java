package org.bayan.search;

import org.bayan.cli.SearchBackend;
import org.junit.jupiter.api.BeforeAll;

/** The Arabic word forms contract over the embedded Lucene engine. */
class ArabicWordFormsApiTest extends ArabicWordFormsContract {
  @BeforeAll
  static void start() throws Exception {
    startWith(SearchBackend.LUCENE);
  }
}
