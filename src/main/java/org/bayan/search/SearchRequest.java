package org.bayan.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.bayan.statement.ReleaseLimits;
import org.bayan.statement.SignatureStatus;

/**
 * A search with its filters, order and page. Built with {@link #parse}, which checks each parameter and names
 * the one at fault.
 *
 * @param query text in the query language as typed (may be empty: then every statement matches, newest first)
 * @param agencies agency slugs to keep (empty: all); likewise {@code types}, {@code categories}, {@code languages}
 * @param from earliest publication instant, inclusive, or null (a {@code year} parameter is parsed into
 *     {@code from} and {@code to})
 * @param to latest publication instant, inclusive, or null
 * @param sort the order asked for, or null for the default (relevance with text, else newest)
 * @param page 1-based page number (1 when walking with a cursor)
 * @param size hits per page
 * @param statuses signature statuses to keep ({@code signed}/{@code unsigned}; empty: all)
 * @param cursor where the previous page of a walk ended, or null
 */
public record SearchRequest(
    String query, List<String> agencies, List<String> types, List<String> categories, List<String> languages,
    List<String> statuses, Instant from, Instant to, SortOrder sort, int page, int size, Cursor cursor) {

  public static final int MAX_SIZE = 100;
  public static final int DEFAULT_SIZE = 10;
  public static final int MAX_DEPTH = 10_000;
  public static final int MAX_QUERY_CHARS = 1_000;
  public static final List<String> LANGUAGES = List.of("ar", "en");

  /**
   * Every parameter {@link #parse} reads, in the order links write them: the API's parameters, and all that
   * a search page carries to the search (the page reads this list, so a filter it shows is one the search
   * applies).
   */
  public static final List<String> PARAMETERS = List.of(
      "q", "agency", "lang", "status", "type", "category", "year", "from", "to", "sort", "page", "size", "cursor");

  public SearchRequest {
    query = query == null ? "" : query.strip();
    agencies = agencies == null ? List.of() : List.copyOf(agencies);
    types = types == null ? List.of() : List.copyOf(types);
    categories = categories == null ? List.of() : List.copyOf(categories);
    languages = languages == null ? List.of() : List.copyOf(languages);
    statuses = statuses == null ? List.of() : List.copyOf(statuses);
  }

  /** A first page of {@code size} hits for {@code query}, no filters, default order. */
  public static SearchRequest of(String query, int size) {
    return new SearchRequest(query, null, null, null, null, null, null, null, null, 1, size, null);
  }

  /** The same search in another order, from its first page. */
  public SearchRequest sortedBy(SortOrder order) {
    return new SearchRequest(query, agencies, types, categories, languages, statuses, from, to, order, 1, size, null);
  }

  /** Parses raw parameter values (each name → its values, absent when not given). */
  public static SearchRequest parse(Map<String, List<String>> params) {
    String q = one(params, "q");
    if (q != null && q.length() > MAX_QUERY_CHARS) {
      throw new InvalidParameterException("q", "at most " + MAX_QUERY_CHARS + " characters");
    }
    List<String> langs = many(params, "lang");
    List<String> statuses = many(params, "status");
    for (String st : statuses) {
      if (!SignatureStatus.isValid(st)) {
        throw new InvalidParameterException("status", "'" + st + "' is not a status: use signed or unsigned");
      }
    }
    for (String lang : langs) {
      if (!LANGUAGES.contains(lang)) {
        throw new InvalidParameterException("lang", "'" + lang + "' is not a language Bayan holds: use ar or en");
      }
    }
    int p = integer("page", one(params, "page"), 1);
    int s = integer("size", one(params, "size"), DEFAULT_SIZE);
    if (p < 1) throw new InvalidParameterException("page", "must be 1 or more");
    if (s < 1 || s > MAX_SIZE) throw new InvalidParameterException("size", "must be between 1 and " + MAX_SIZE);
    if ((long) p * s > MAX_DEPTH) {
      throw new InvalidParameterException("page",
          "page × size may not exceed " + MAX_DEPTH + "; walk further with 'cursor' (see next_cursor)");
    }
    String from = one(params, "from");
    String to = one(params, "to");
    Instant f = date("from", from, false);
    Instant t = date("to", to, true);
    if (f != null && t != null && f.isAfter(t)) {
      throw new InvalidParameterException("from", "'" + from + "' is after 'to' (" + to + ")");
    }
    Integer year = year(many(params, "year"));
    if (year != null) {
      // A year (UTC, as the year facet counts it) narrows from and to; with them it keeps their overlap.
      Instant start = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant end = LocalDate.of(year + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
      f = f == null || f.isBefore(start) ? start : f;
      t = t == null || t.isAfter(end) ? end : t;
    }
    SortOrder sort = SortOrder.parse(one(params, "sort"));
    SearchRequest req = new SearchRequest(q, many(params, "agency"), Filters.types(params.get("type")), many(params, "category"),
        langs, statuses, f, t, sort, p, s, null);
    req.checkFilterCounts();
    String rawCursor = one(params, "cursor");
    if (rawCursor == null) return req;
    if (p != 1) throw new InvalidParameterException("page", "give either 'page' or 'cursor', not both");
    Cursor c = Cursor.decode(rawCursor, req.effectiveSort(), req.fingerprint());
    return new SearchRequest(q, req.agencies, req.types, req.categories, langs, statuses, f, t, sort, 1, s, c);
  }

  // Each value is a clause of the query: thousands of them would exceed Lucene's clause limit (a 500).
  private void checkFilterCounts() {
    Map<String, List<String>> filters = Map.of(
        "agency", agencies, "type", types, "category", categories, "lang", languages, "status", statuses);
    filters.forEach((name, values) -> {
      if (values.size() > ReleaseLimits.MAX_FILTER_VALUES) {
        throw new InvalidParameterException(name, values.size() + " different values; at most "
            + ReleaseLimits.MAX_FILTER_VALUES);
      }
    });
  }

  /** The order hits come in: relevance only makes sense when there is text to rank by. */
  public SortOrder effectiveSort() {
    return sort != null ? sort : query.isEmpty() ? SortOrder.NEWEST : SortOrder.RELEVANCE;
  }

  /** What a cursor is bound to: everything but the page. */
  public long fingerprint() {
    return Cursor.fingerprint(query, String.join(",", agencies), String.join(",", types),
        String.join(",", categories), String.join(",", languages), String.join(",", statuses), String.valueOf(from), String.valueOf(to),
        effectiveSort().param());
  }

  private static String one(Map<String, List<String>> params, String name) {
    List<String> v = params.get(name);
    if (v == null || v.isEmpty()) return null;
    String s = v.getFirst();
    return s == null || s.isBlank() ? null : s;
  }

  private static List<String> many(Map<String, List<String>> params, String name) {
    List<String> v = params.get(name);
    if (v == null) return List.of();
    return v.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).distinct().toList();
  }

  private static Integer year(List<String> values) {
    if (values.isEmpty()) return null;
    if (values.size() > 1) {
      throw new InvalidParameterException("year", "one year at a time (" + String.join(", ", values)
          + " given); use 'from' and 'to' for a longer period");
    }
    String v = values.getFirst();
    if (!v.matches("[0-9]{4}")) throw new InvalidParameterException("year", "'" + v + "' is not a year (2024)");
    return Integer.parseInt(v);
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
    Instant t;
    try {
      if (v.length() == 10) {
        LocalDate d = LocalDate.parse(v);
        t = endOfDay
            ? d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
            : d.atStartOfDay(ZoneOffset.UTC).toInstant();
      } else {
        t = OffsetDateTime.parse(v).toInstant();
      }
    } catch (DateTimeParseException e) {
      throw new InvalidParameterException(name,
          "'" + v + "' is not a date (2024-05-01) or a date-time with offset (2024-05-01T10:00:00+03:00)");
    }
    // Publication dates are held within these years; far beyond them a date is not even a long of milliseconds.
    if (!ReleaseLimits.inRange(t)) {
      throw new InvalidParameterException(name, "'" + v + "' is outside the years Bayan holds (" + ReleaseLimits.range() + ")");
    }
    return t;
  }
}
