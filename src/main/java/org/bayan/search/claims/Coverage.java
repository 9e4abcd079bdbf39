package org.bayan.search.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bayan.search.claims.ClaimQueries.Word;

/**
 * How much of a claim a statement covers: which of the claim's words it holds, in any of their forms, in its
 * title or body, and which it does not. Words are reported as the claim writes them.
 *
 * @param share the idf-weighted share of the claim's words the statement holds, 0 to 1: a rare word (a name,
 *     a number, the word a claim is about) counts for more than a common one, and a word no statement holds
 *     counts the most
 * @param matched the claim's words the statement holds, in claim order
 * @param missing the claim's words it does not hold, in claim order
 */
public record Coverage(double share, List<String> matched, List<String> missing) {
  public Coverage {
    matched = List.copyOf(matched);
    missing = List.copyOf(missing);
  }

  /** The coverage of {@code words} by a statement whose title and body analyze to {@code statementTerms}. */
  static Coverage of(List<Word> words, Set<String> statementTerms) {
    List<String> matched = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    double all = 0;
    double held = 0;
    for (Word w : words) {
      all += w.idf();
      if (w.forms().stream().anyMatch(statementTerms::contains)) {
        held += w.idf();
        if (!matched.contains(w.surface())) matched.add(w.surface());
      } else if (!missing.contains(w.surface())) {
        missing.add(w.surface());
      }
    }
    // Rounded: the share is read by people and compared with a threshold of two decimals.
    return new Coverage(all == 0 ? 0 : Math.round(held / all * 1000) / 1000.0, matched, missing);
  }
}
