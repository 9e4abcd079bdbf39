package org.bayan.search;

/**
 * The stages a search runs through, in order, each timed on its own ({@link StageTimings}). An engine reports
 * the stages it has: a cluster that ranks in one round trip reports that trip as {@link #FIRST_PASS}.
 */
public enum SearchStage {
  /** Parsing the query language and building the query with its filters (prefixes expand here). */
  PLAN,
  /** Finding the matches and the best of them by the query's words, with dynamic pruning. */
  FIRST_PASS,
  /** Scoring the trigram clauses on the first pass's best hits. */
  RESCORE,
  /** Keeping each duplicate group's best hit. */
  COLLAPSE,
  /** Facet counts (with the total when both need a pass over the matches). */
  FACETS,
  /** The total, each duplicate group counted once, when no other stage counted it. */
  COUNT,
  /** Cutting the page out of the collapsed hits and the cursor after it. */
  PAGE,
  /** Reading the page's stored fields. */
  FETCH,
  /** Marking the matches in the page's titles and passages. */
  HIGHLIGHT,
  /** Listing each hit's duplicates (only for hits whose group has other members). */
  DUPLICATES,
  /** Looking for a corrected query when few statements matched. */
  SPELLING;

  /** Its name in {@code /metrics} and in {@code ?debug=timing}. */
  public String param() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
