package org.bayan.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bayan.search.SearchRequest;
import org.bayan.testing.DemoData;
import org.bayan.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search page and the API read one list of parameters: every filter the page offers (each facet link,
 * the order and the dates) gives on the page the hits the API gives for the same parameters, and a facet
 * marked as on is one the search applied.
 */
class PageApiParityTest {
  static TestServer server;

  private static final Pattern HIT = Pattern.compile("<h3 class=\"hit-title\"[^>]*><a href=\"/s/([^\"?]+)");
  private static final Pattern FACET_LINK = Pattern.compile("<a class=\"facet-link[^\"]*\" href=\"([^\"]+)\"");
  private static final Pattern SORT_OPTION = Pattern.compile("<option value=\"([a-z]+)\"");

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(DemoData.data());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) server.close();
  }

  static List<String> pageHits(String query) throws Exception {
    return hits(page(query));
  }

  static String page(String query) throws Exception {
    TestServer.Response r = server.get("/" + (query.isEmpty() ? "" : "?" + query));
    assertEquals(200, r.status(), query + ": " + r.body());
    return r.body();
  }

  static List<String> hits(String page) {
    List<String> ids = new ArrayList<>();
    Matcher m = HIT.matcher(page);
    while (m.find()) ids.add(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
    return ids;
  }

  static List<String> apiHits(String query) throws Exception {
    JsonNode j = server.get("/api/search?" + query).json();
    List<String> ids = new ArrayList<>();
    j.path("hits").forEach(h -> ids.add(h.path("id").asText()));
    return ids;
  }

  /** The search parameters of a page link (the interface language and the mode are the page's own). */
  static String searchPart(String href) {
    String q = href.replace("&amp;", "&");
    q = q.substring(q.indexOf('?') + 1);
    List<String> kept = new ArrayList<>();
    for (String pair : q.split("&")) {
      String name = pair.substring(0, pair.indexOf('='));
      if (SearchRequest.PARAMETERS.contains(name)) kept.add(pair);
    }
    return String.join("&", kept);
  }

  /** Returns the page. */
  static String assertSameHits(String query) throws Exception {
    String page = page(query);
    assertEquals(apiHits(query), hits(page), "page and API differ for " + query);
    return page;
  }

  @Test
  void every_facet_link_and_control_on_the_page_gives_the_hits_of_the_api() throws Exception {
    int checked = 0;
    Set<String> params = new LinkedHashSet<>();
    for (String q : List.of("", "q=" + TestServer.enc("وزارة"), "q=" + TestServer.enc("الحكومة"), "q=minister")) {
      String page = assertSameHits(q);
      Matcher facet = FACET_LINK.matcher(page);
      List<String> links = new ArrayList<>();
      while (facet.find()) links.add(facet.group(1));
      assertTrue(links.size() >= 5, "facets on the page for " + q);
      for (String link : links) {
        String query = searchPart(link);
        String shown = assertSameHits(query);
        // The facet the link turned on (the last parameter: the pages started without filters) shows as on.
        String value = query.substring(query.lastIndexOf('&') + 1);
        params.add(value.split("=")[0]);
        String name = value.split("=")[0], v = URLDecoder.decode(value.split("=")[1], StandardCharsets.UTF_8);
        assertTrue(shown.contains("data-facet=\"" + name + "\"") && Pattern.compile(
            "<a class=\"facet-link on\" href=\"[^\"]*\" data-value=\"" + Pattern.quote(v) + "\" aria-current=\"true\"")
                .matcher(shown).find(), "facet " + value + " not shown as on");
        checked++;
      }
      Matcher sort = SORT_OPTION.matcher(page);
      while (sort.find()) {
        assertSameHits((q.isEmpty() ? "" : q + "&") + "sort=" + sort.group(1));
        params.add("sort");
      }
    }
    // Dates inside and around each year the facets offer, alone and with a year and an agency.
    JsonNode years = server.get("/api/search").json().path("facets").path("year");
    assertTrue(years.size() >= 2, years.toString());
    for (JsonNode y : years) {
      String year = y.path("value").asText();
      for (String dates : List.of("from=" + year + "-03-01", "to=" + year + "-06-30",
          "from=" + year + "-02-01&to=" + year + "-10-31", "year=" + year + "&from=" + year + "-05-01")) {
        assertSameHits(dates);
        assertSameHits("q=" + TestServer.enc("وزارة") + "&" + dates + "&sort=oldest");
        checked++;
      }
    }
    params.addAll(List.of("from", "to"));
    assertTrue(params.containsAll(List.of("agency", "type", "lang", "year", "sort", "from", "to")), params.toString());
    assertTrue(checked > 30, "checked " + checked);
  }

  @Test
  void a_year_on_the_page_filters_the_hits_to_that_year() throws Exception {
    JsonNode years = server.get("/api/search").json().path("facets").path("year");
    String year = years.path(years.size() - 1).path("value").asText();
    List<String> ids = pageHits("year=" + year);
    assertTrue(!ids.isEmpty());
    for (String id : ids) {
      String published = server.get("/api/statements/" + TestServer.enc(id)).json().path("published_at").asText();
      assertTrue(published.startsWith(year), id + " published " + published + ", not in " + year);
    }
    assertEquals(400, server.get("/api/search?year=2009&year=2010").status(), "one year at a time");
    assertEquals(400, server.get("/api/search?year=09").status());
  }

  @Test
  void the_page_reads_the_search_parameters_the_api_documents() throws Exception {
    List<String> documented = new ArrayList<>();
    server.get("/openapi.json").json().at("/paths/~1api~1search/get/parameters")
        .forEach(p -> {
          // A diagnostic parameter (debug=timing) adds to the API's answer and changes no hit: nothing to show.
          if (!p.path("x-diagnostic").asBoolean()) documented.add(p.get("name").asText());
        });
    assertEquals(Set.copyOf(SearchRequest.PARAMETERS), Set.copyOf(documented));
  }
}
