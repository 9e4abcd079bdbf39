package org.bayan.bench;

/**
 * A comparator that builds the same first page as Bayan's {@code /api/search}: the ten best hits with their
 * title and best body passage highlighted ({@code <mark>}, HTML-escaped), the stored fields a hit shows (id,
 * agency, publication date, source URL, language), the total counted to at least 10,000, and counts of the
 * four facets Bayan shows (agency, type, language, publication year).
 */
interface PageEngine extends TextEngine {
  /** The facets of a page, by the names Bayan's answer uses. */
  java.util.List<String> FACETS = java.util.List.of("agency", "type", "language", "year");
  /** Agency values a page lists, as Bayan's facet does; the others a page lists are few anyway. */
  int AGENCY_VALUES = 20;
  /** Characters of a body passage, as Bayan's snippets. */
  int PASSAGE_CHARS = 220;
  /** Characters of a body the highlighter reads, as Bayan's. */
  int MAX_HIGHLIGHT_CHARS = 20_000;
  /** Total hits are counted exactly up to this many, as Bayan's {@code total}. */
  int TRACK_TOTAL_HITS = 10_000;

  /** The page for a free-text query, as the JSON an HTTP client would receive. */
  String page(String query) throws Exception;
}
