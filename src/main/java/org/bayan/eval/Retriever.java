package org.bayan.eval;

import java.util.List;

/** Something that indexed a test set's documents and ranks them for a query typed by a person. */
public interface Retriever extends AutoCloseable {
  /** Document ids, best first, at most {@code n}. */
  List<String> rank(String query, int n);

  @Override
  void close();
}
