package org.bayan.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bayan.classify.StatementTypes;
import org.bayan.testing.Fixtures;
import org.bayan.testing.TestServer;
import org.bayan.testing.WebFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a reader meets on the pages, over plain HTTP: a lost link gets a page, labels are in the interface
 * language, a source URL reads as the agency wrote it, a citation keeps its URL and hash in order, and the
 * embedded box speaks the language its snippet asks for.
 */
class ReaderPagesTest {
  @TempDir static Path tmp;
  static TestServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";
  /** An Arabic path, percent-encoded as agencies' sites send it, on an internationalized domain name. */
  static final String ENCODED_SOURCE = "https://xn--mgbh0fb.example/%D8%A7%D9%84%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/"
      + "%D8%A8%D9%8A%D8%A7%D9%86-%D9%88%D8%B2%D8%A7%D8%B1%D8%A9-%D8%A7%D9%84%D8%B5%D8%AD%D8%A9?x=a%20b";

  @BeforeAll
  static void start() throws Exception {
    Path data = WebFixture.build(tmp);
    Path extra = Fixtures.lines(tmp.resolve("extra/c.jsonl"), List.of(Fixtures.json(Map.of(
        "id", "moh-url", "agency", "moh", "title", "وزارة الصحة تعلن مواعيد الحملة",
        "body", "أعلنت وزارة الصحة مواعيد الحملة الوطنية.", "published_at", "2024-03-20",
        "source_url", ENCODED_SOURCE))));
    Fixtures.indexed(data, extra);
    server = TestServer.start(data);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) server.close();
  }

  static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).GET();
    if (headers.length > 0) b.headers(headers);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void unknown_paths_answer_a_page_to_browsers_and_json_to_api_clients() throws Exception {
    for (String path : List.of("/nope", "/s", "/static/missing.css", "/api/nope")) {
      HttpResponse<String> page = get(path, "Accept", BROWSER_ACCEPT);
      assertEquals(404, page.statusCode(), path);
      assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"), path);
      assertTrue(page.body().contains("<html lang=\"ar\" dir=\"rtl\">") && page.body().contains("لا توجد صفحة بهذا العنوان"),
          path + ": " + page.body());
      assertTrue(page.body().contains("<a href=\"/\">"), "a way back to search");
      HttpResponse<String> en = get(path, "Accept", BROWSER_ACCEPT, "Accept-Language", "en-US,en;q=0.9");
      assertTrue(en.body().contains("There is no page at this address."), en.body());
      for (String[] client : new String[][] {{"Accept", "application/json"}, {"Accept", "*/*"},
          {"Accept", "application/json, text/html;q=0.5"}, {"Accept", "text/html;q=0.2, */*"}}) {
        HttpResponse<String> api = get(path, client);
        assertEquals(404, api.statusCode());
        JsonNode j = new ObjectMapper().readTree(api.body());
        assertEquals("not_found", j.path("error").asText(), client[1] + " " + api.body());
        assertFalse(j.path("detail").asText().isBlank());
      }
      JsonNode bare = new ObjectMapper().readTree(get(path).body());
      assertEquals("not_found", bare.path("error").asText(), "no Accept header: JSON");
    }
    // A known statement id that does not exist still gets its own page, and the API its JSON.
    assertTrue(get("/s/nope", "Accept", BROWSER_ACCEPT).body().contains("لا يوجد بيان بهذا المعرّف"));
    assertEquals(404, get("/api/statements/nope", "Accept", "application/json").statusCode());
  }

  @Test
  void type_and_status_labels_are_in_the_interface_language() throws Exception {
    for (String type : StatementTypes.DETECTED) {
      String ar = SearchPage.typeLabel(Ui.AR, type), en = SearchPage.typeLabel(Ui.EN, type);
      assertNotEquals(type, ar, "no Arabic label for " + type);
      assertTrue(ar.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC), ar);
      assertTrue(en.matches("[A-Z][a-z ]+"), en);
    }
    JsonNode facets = server.get("/api/search").json().path("facets");
    assertTrue(facets.path("type").size() >= 2, facets.toString());
    String ar = get("/").body(), en = get("/?ui=en").body();
    for (JsonNode t : facets.path("type")) {
      String v = t.path("value").asText();
      assertTrue(label(ar, "type", v).equals(SearchPage.typeLabel(Ui.AR, v)), v + " on the Arabic page: " + label(ar, "type", v));
      assertTrue(label(en, "type", v).equals(SearchPage.typeLabel(Ui.EN, v)), v + " on the English page: " + label(en, "type", v));
    }
    assertTrue(ar.contains(">غير موثّق<") && !ar.contains(">unsigned<") && !ar.contains(">Unsigned<"), "status badge in Arabic");
    assertTrue(en.contains(">Unsigned<"));
  }

  /** The label shown by a facet link. */
  static String label(String page, String facet, String value) {
    Matcher m = Pattern.compile("data-facet=\"" + facet + "\".*?data-value=\"" + Pattern.quote(value)
        + "\"[^>]*><span class=\"box\" aria-hidden=\"true\"></span><span class=\"label\" dir=\"auto\">([^<]*)<",
        Pattern.DOTALL).matcher(page);
    return m.find() ? m.group(1) : "(no facet link for " + value + ")";
  }

  @Test
  void the_source_url_reads_decoded_while_the_link_stays_exact() throws Exception {
    String page = get("/s/moh-url").body();
    String exact = ENCODED_SOURCE.replace("&", "&amp;");
    assertTrue(page.contains("href=\"" + exact + "\""), "href stays exact");
    Matcher shown = Pattern.compile("class=\"source-url\"[^>]*>(.*?)</a>").matcher(page);
    assertTrue(shown.find(), page);
    assertEquals("https://مثال.example/الأخبار/بيان-وزارة-الصحة?x=a%20b", shown.group(1).replaceAll("<[^>]+>", ""));
    assertTrue(shown.group(1).contains("/<bdi>الأخبار</bdi>/<bdi>بيان-وزارة-الصحة</bdi>?"),
        "each Arabic piece isolated in its place: " + shown.group(1));
    assertFalse(page.contains(">" + exact + "<"), "not shown percent-encoded");
  }

  @Test
  void agencies_are_suggested_busiest_first() throws Exception {
    JsonNode s = server.get("/api/suggest?q=" + TestServer.enc("وزارة")).json().path("suggestions");
    List<String> agencies = new java.util.ArrayList<>();
    s.forEach(x -> { if (x.path("kind").asText().equals("agency")) agencies.add(x.path("id").asText()); });
    // The registry lists moi, moh, mof; the fixture gives moh 5 statements, moi 2, mof 1.
    assertEquals(List.of("moh", "moi", "mof"), agencies, s.toString());
  }

  @Test
  void display_url_html_escapes_every_piece() {
    String html = DisplayUrl.html("https://example.gov/%D8%A8%3Cx%3E?a=<b>&c=\"d\"");
    assertFalse(html.contains("<b>") || html.contains("\"d"), html);
    assertTrue(html.contains("&lt;b&gt;"), html);
  }

  @Test
  void display_urls_decode_only_what_reads_the_same() {
    assertEquals("https://example.gov/بيان", DisplayUrl.of("https://example.gov/%D8%A8%D9%8A%D8%A7%D9%86"));
    assertEquals("https://example.gov/a%20b%2Fc", DisplayUrl.of("https://example.gov/a%20b%2Fc"), "ASCII escapes stay");
    assertEquals("https://example.gov/%E2%80%AEevil", DisplayUrl.of("https://example.gov/%E2%80%AEevil"),
        "a direction override stays escaped");
    assertEquals("https://example.gov/%D8", DisplayUrl.of("https://example.gov/%D8"), "broken UTF-8 stays");
    assertEquals("https://example.gov/%D8%A", DisplayUrl.of("https://example.gov/%D8%A"));
    assertEquals("https://مثال.example/", DisplayUrl.of("https://xn--mgbh0fb.example/"));
  }

  @Test
  void the_citation_isolates_its_url_and_hash_in_both_languages() throws Exception {
    for (String ui : List.of("ar", "en")) {
      String page = get("/s/moh-url?ui=" + ui).body();
      Matcher c = Pattern.compile("<blockquote id=\"citation-text\"[^>]*>(.*?)</blockquote>", Pattern.DOTALL).matcher(page);
      assertTrue(c.find(), page);
      String citation = c.group(1);
      assertTrue(Pattern.compile("<bdi dir=\"ltr\"[^>]*>https?://[^<]+/s/moh-url\\?version=1</bdi>").matcher(citation).find(),
          ui + ": permalink not isolated: " + citation);
      assertTrue(Pattern.compile("<bdi dir=\"ltr\"[^>]*>\\(SHA-256: [0-9a-f]{64}\\)</bdi>").matcher(citation).find(),
          ui + ": hash not isolated: " + citation);
    }
  }

  @Test
  void the_embed_snippet_shows_the_interface_it_asks_for_whatever_the_browser_prefers() throws Exception {
    for (String ui : List.of("ar", "en")) {
      String home = get("/?ui=" + ui).body();
      Matcher src = Pattern.compile("&lt;iframe src=&quot;https?://[^/]+(/embed[^&]*(?:&amp;[^&]*)*?)&quot;").matcher(home);
      assertTrue(src.find(), home);
      String path = src.group(1).replace("&amp;", "&");
      String other = ui.equals("ar") ? "en-US,en;q=0.9" : "ar";
      String embed = get(path, "Accept-Language", other).body();
      assertTrue(embed.contains("<html lang=\"" + ui + "\""), path + " to a browser preferring " + other + ": "
          + embed.substring(0, Math.min(300, embed.length())));
    }
    String filtered = get("/embed?ui=ar&lang=en&agency=moh", "Accept-Language", "en").body();
    assertTrue(filtered.contains("<html lang=\"ar\""), "ui is the interface");
    assertTrue(filtered.contains("ui=\"ar\"") && filtered.contains("statement-lang=\"en\""), filtered);
    assertTrue(filtered.contains("<input type=\"hidden\" name=\"lang\" value=\"en\">"), "the no-script form filters too");
  }
}
