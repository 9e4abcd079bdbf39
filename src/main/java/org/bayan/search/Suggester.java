package org.bayan.search;

import java.util.List;

/** Completions of what a user is typing. */
public interface Suggester {
  List<Suggestion> suggest(String typed, int size);
}
