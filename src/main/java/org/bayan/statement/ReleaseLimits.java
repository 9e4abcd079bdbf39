package org.bayan.statement;

import java.time.Instant;

/**
 * The domain of every release field, in one place: what the store, the transparency log, the Lucene index and
 * an OpenSearch index can all hold. A release outside it is rejected before anything is stored, because a
 * value accepted and then refused by the index (a term too long, a date past epoch milliseconds) would stop
 * every later write. The same limits bound the search parameters that reach the index. Documented in the
 * README (release format) and docs/ingest.md.
 */
public final class ReleaseLimits {
  /** Publication years Bayan accepts: far beyond any real release, well inside epoch milliseconds and OpenSearch dates. */
  public static final int FIRST_YEAR = 1900;
  public static final int LAST_YEAR = 2200;
  public static final Instant EARLIEST = Instant.parse(FIRST_YEAR + "-01-01T00:00:00Z");
  /** The last instant of {@link #LAST_YEAR}, in UTC. */
  public static final Instant LATEST = Instant.parse((LAST_YEAR + 1) + "-01-01T00:00:00Z").minusNanos(1);

  /**
   * Lucene refuses a term longer than this many UTF-8 bytes ({@code IndexWriter.MAX_TERM_LENGTH}, checked by a
   * test): a keyword field past it fails in the writer, after the release was stored.
   */
  public static final int INDEX_TERM_BYTES = 32_766;

  /**
   * Keyword fields ({@code agency}, {@code language}, {@code category}, {@code type}, {@code key_id},
   * {@code signature}) are indexed or stored whole: at most this many characters, which is at most
   * 4 × 256 = 1,024 UTF-8 bytes, far below {@link #INDEX_TERM_BYTES}.
   */
  public static final int MAX_KEYWORD_CHARS = 256;
  /** An id also travels in URLs and file names. */
  public static final int MAX_ID_CHARS = 128;
  public static final int MAX_TITLE_CHARS = 1_000;
  public static final int MAX_URL_CHARS = 4_096;
  /** Values of one filter parameter in a search (more would exceed Lucene's clause limit of 1,024). */
  public static final int MAX_FILTER_VALUES = 100;

  private ReleaseLimits() {}

  /** Whether {@code t} is a publication instant Bayan can hold. */
  public static boolean inRange(Instant t) {
    return !t.isBefore(EARLIEST) && !t.isAfter(LATEST);
  }

  /** The range as people write it, for error messages. */
  public static String range() {
    return FIRST_YEAR + "-01-01 to " + LAST_YEAR + "-12-31";
  }

  /**
   * The index of the first unpaired surrogate in {@code s}, or -1. Such a string is not Unicode text: UTF-8
   * cannot encode it, and the store would keep a '?' in its place.
   */
  public static int loneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      } else if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}
