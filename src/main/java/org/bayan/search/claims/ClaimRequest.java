package org.bayan.search.claims;

import java.time.Instant;
import java.util.List;
import org.bayan.search.InvalidParameterException;
import org.bayan.search.SearchRequest;

/**
 * A claim to look up, with the filters that narrow where to look.
 *
 * @param text the claim as pasted: prose, never read as query syntax
 * @param language "ar" or "en" to keep only statements in that language, or null
 * @param agencies agency slugs to keep (empty: all)
 * @param from earliest publication instant, inclusive, or null
 * @param to latest publication instant, inclusive, or null
 * @param types statement types to keep, e.g. "denial" (empty: all)
 * @param limit how many statements to return
 * @param origin scheme, host and port the permalinks in citations start with (e.g. "https://bayan.example"),
 *     or null for permalinks relative to the server
 */
public record ClaimRequest(
    String text, String language, List<String> agencies, Instant from, Instant to, List<String> types, int limit,
    String origin) {

  public static final int MAX_TEXT_CHARS = 5_000;
  public static final int DEFAULT_LIMIT = 10;
  public static final int MAX_LIMIT = 50;

  public ClaimRequest {
    text = text == null ? "" : text.strip();
    agencies = agencies == null ? List.of() : List.copyOf(agencies);
    types = types == null ? List.of() : List.copyOf(types);
  }

  /** Only the claim, default limit, no filters. */
  public static ClaimRequest of(String text) {
    return new ClaimRequest(text, null, List.of(), null, null, List.of(), DEFAULT_LIMIT, null);
  }

  /** Parses raw parameter values (null when absent); the exception names the parameter at fault. */
  public static ClaimRequest parse(String text, String lang, List<String> agency, String from, String to,
      List<String> type, String limit, String origin) {
    if (text == null || text.isBlank()) {
      throw new InvalidParameterException("text", "is required: paste the claim to look up (up to "
          + String.format("%,d", MAX_TEXT_CHARS) + " characters)");
    }
    if (text.length() > MAX_TEXT_CHARS) {
      throw new InvalidParameterException("text", String.format(
          "is %,d characters long; at most %,d are looked up: paste the claim itself", text.length(), MAX_TEXT_CHARS));
    }
    // The other filters are validated exactly as /api/search validates them.
    java.util.Map<String, List<String>> params = new java.util.HashMap<>();
    if (agency != null) params.put("agency", agency);
    if (lang != null) params.put("lang", List.of(lang));
    if (from != null) params.put("from", List.of(from));
    if (to != null) params.put("to", List.of(to));
    if (type != null) params.put("type", type);
    SearchRequest common = SearchRequest.parse(params);
    int n = DEFAULT_LIMIT;
    if (limit != null && !limit.isBlank()) {
      try {
        n = Integer.parseInt(limit.strip());
      } catch (NumberFormatException e) {
        throw new InvalidParameterException("limit", "'" + limit + "' is not a whole number");
      }
      if (n < 1 || n > MAX_LIMIT) throw new InvalidParameterException("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return new ClaimRequest(text, common.languages().isEmpty() ? null : common.languages().getFirst(),
        common.agencies(), common.from(), common.to(), common.types(), n, origin);
  }
}
