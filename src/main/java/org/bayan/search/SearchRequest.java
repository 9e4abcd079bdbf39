package org.bayan.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A keyword search with its filters and page. Built with {@link #parse}, which checks each parameter and
 * names the one at fault.
 *
 * @param query free text as typed (may be empty: then every statement matches, newest first)
 * @param agencies agency slugs to keep (empty: all)
 * @param language "ar" or "en" to keep, or null
 * @param from earliest publication instant, inclusive, or null
 * @param to latest publication instant, inclusive, or null
 * @param page 1-based page number
 * @param size hits per page
 * @param types statement types to keep (declared or detected, e.g. "denial"; empty: all)
 */
public record SearchRequest(
    String query, List<String> agencies, String language, Instant from, Instant to, int page, int size,
    List<String> types) {

  public static final int MAX_SIZE = 100;
  public static final int DEFAULT_SIZE = 10;
  public static final int MAX_DEPTH = 10_000;
  public static final int MAX_QUERY_CHARS = 1_000;

  public SearchRequest {
    query = query == null ? "" : query.strip();
    agencies = agencies == null ? List.of() : List.copyOf(agencies);
    types = types == null ? List.of() : List.copyOf(types);
  }

  /** A request without a type filter. */
  public SearchRequest(
      String query, List<String> agencies, String language, Instant from, Instant to, int page, int size) {
    this(query, agencies, language, from, to, page, size, List.of());
  }

  /** Parses raw parameter values (null when absent). */
  public static SearchRequest parse(
      String q, List<String> agency, String lang, String from, String to, String page, String size) {
    return parse(q, agency, lang, from, to, page, size, List.of());
  }

  /** Parses raw parameter values (null when absent), with the statement types to keep. */
  public static SearchRequest parse(
      String q, List<String> agency, String lang, String from, String to, String page, String size,
      List<String> type) {
    if (q != null && q.length() > MAX_QUERY_CHARS) {
      throw new InvalidParameterException("q", "at most " + MAX_QUERY_CHARS + " characters");
    }
    if (lang != null && !lang.isBlank() && !lang.equals("ar") && !lang.equals("en")) {
      throw new InvalidParameterException("lang", "'" + lang + "' is not a language Bayan holds: use ar or en");
    }
    int p = integer("page", page, 1);
    int s = integer("size", size, DEFAULT_SIZE);
    if (p < 1) throw new InvalidParameterException("page", "must be 1 or more");
    if (s < 1 || s > MAX_SIZE) throw new InvalidParameterException("size", "must be between 1 and " + MAX_SIZE);
    if ((long) p * s > MAX_DEPTH) {
      throw new InvalidParameterException("page", "page × size may not exceed " + MAX_DEPTH);
    }
    Instant f = date("from", from, false);
    Instant t = date("to", to, true);
    if (f != null && t != null && f.isAfter(t)) {
      throw new InvalidParameterException("from", "'" + from + "' is after 'to' (" + to + ")");
    }
    List<String> agencies = agency == null ? List.of()
        : agency.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).toList();
    return new SearchRequest(q, agencies, lang == null || lang.isBlank() ? null : lang, f, t, p, s,
        Filters.types(type));
  }

  private static int integer(String name, String value, int dflt) {
    if (value == null || value.isBlank()) return dflt;
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(name, "'" + value + "' is not a whole number");
    }
  }

  /** A date (a whole day: its start for 'from', its end for 'to') or a date-time with offset. */
  public static Instant date(String name, String value, boolean endOfDay) {
    if (value == null || value.isBlank()) return null;
    String v = value.strip();
    try {
      if (v.length() == 10) {
        LocalDate d = LocalDate.parse(v);
        return endOfDay
            ? d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
            : d.atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidParameterException(name,
          "'" + v + "' is not a date (2024-05-01) or a date-time with offset (2024-05-01T10:00:00+03:00)");
    }
  }
}
