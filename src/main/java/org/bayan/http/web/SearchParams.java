package org.bayan.http.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bayan.search.SearchRequest;

/**
 * The search state a page link carries (query, filters, page, interface language), so that following a facet
 * or a page link keeps everything else. The parameters are the API's own list ({@link SearchRequest#PARAMETERS}),
 * so a page URL maps onto an API URL and every filter the page shows is one the search applies.
 */
final class SearchParams {
  /** Where a page is in the results: carried by page links, not by the Atom feed or filter links. */
  private static final List<String> PAGING = List.of("page", "size", "cursor");

  /** The parameters of the search itself, in the order links write them. */
  static final List<String> SEARCH = SearchRequest.PARAMETERS.stream().filter(k -> !PAGING.contains(k)).toList();

  /** Parameters that take one value ({@link SearchRequest#parse} rejects several). */
  private static final List<String> SINGLE = List.of("q", "year", "from", "to", "sort");

  private final Map<String, List<String>> values;

  private SearchParams(Map<String, List<String>> values) {
    this.values = values;
  }

  static SearchParams of(Map<String, List<String>> query, String claim) {
    Map<String, List<String>> v = new LinkedHashMap<>();
    for (String k : SEARCH) {
      List<String> vals = query.getOrDefault(k, List.of()).stream().filter(s -> s != null && !s.isBlank()).toList();
      if (!vals.isEmpty()) v.put(k, vals);
    }
    if (claim != null) v.put("q", List.of(claim));
    for (String k : List.of("page", "size", "ui", "mode")) {
      List<String> vals = query.getOrDefault(k, List.of());
      if (!vals.isEmpty() && vals.getFirst() != null && !vals.getFirst().isBlank()) v.put(k, List.of(vals.getFirst()));
    }
    return new SearchParams(v);
  }

  /** The values the search reads ({@link SearchRequest#parse}): filters, order, query, page and size. */
  Map<String, List<String>> request() {
    Map<String, List<String>> v = new LinkedHashMap<>();
    for (String k : SearchRequest.PARAMETERS) if (values.containsKey(k)) v.put(k, values.get(k));
    return v;
  }

  String first(String k) {
    List<String> l = values.get(k);
    return l == null || l.isEmpty() ? null : l.getFirst();
  }

  List<String> all(String k) {
    return values.getOrDefault(k, List.of());
  }

  boolean has(String k, String value) {
    return all(k).contains(value);
  }

  /** Filters in effect (every search parameter but the query text). */
  boolean filtered() {
    return SEARCH.stream().anyMatch(k -> !k.equals("q") && values.containsKey(k));
  }

  SearchParams with(String k, String value) {
    Map<String, List<String>> v = new LinkedHashMap<>(values);
    if (value == null) v.remove(k);
    else v.put(k, List.of(value));
    return new SearchParams(v);
  }

  /**
   * Adds the value to a filter, or removes it if present; either way back to page 1. A filter that takes one
   * value ({@code year}) has it replaced.
   */
  SearchParams toggle(String k, String value) {
    Map<String, List<String>> v = new LinkedHashMap<>(values);
    List<String> l = new ArrayList<>(v.getOrDefault(k, List.of()));
    if (!l.remove(value)) {
      if (SINGLE.contains(k)) l.clear();
      l.add(value);
    }
    if (l.isEmpty()) v.remove(k);
    else v.put(k, List.copyOf(l));
    v.remove("page");
    return new SearchParams(v);
  }

  SearchParams withoutFilters() {
    Map<String, List<String>> v = new LinkedHashMap<>();
    for (String k : List.of("q", "ui")) if (values.containsKey(k)) v.put(k, values.get(k));
    return new SearchParams(v);
  }

  /** The page URL for this state. */
  String href(String path) {
    String qs = query(values.keySet().stream().toList());
    return qs.isEmpty() ? path : path + "?" + qs;
  }

  /** This search as an API URL (filters and query only), e.g. for its Atom feed. */
  String api(String path) {
    String qs = query(SEARCH);
    return qs.isEmpty() ? path : path + "?" + qs;
  }

  private String query(List<String> keys) {
    StringBuilder b = new StringBuilder();
    for (String k : keys) {
      for (String val : values.getOrDefault(k, List.of())) {
        if (!b.isEmpty()) b.append('&');
        b.append(k).append('=').append(URLEncoder.encode(val, StandardCharsets.UTF_8));
      }
    }
    return b.toString();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
