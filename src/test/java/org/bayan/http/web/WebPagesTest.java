package org.bayan.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.bayan.cli.Engine;
import org.bayan.http.BayanServer;
import org.bayan.search.SearchService;
import org.bayan.search.StatementReader;
import org.bayan.http.WebSettings;
import org.bayan.testing.TestServer;
import org.bayan.testing.WebFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages and their headers as a browser receives them (no browser needed: see BrowserTest for behaviour). */
class WebPagesTest {
  @TempDir static Path tmp;
  static Path data;
  static TestServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    data = WebFixture.build(tmp);
    server = TestServer.start(data);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static HttpResponse<String> getFrom(String base, String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (headers.length > 0) b.headers(headers);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static HttpResponse<String> get(String path, String... headers) throws Exception {
    return getFrom(server.base(), path, headers);
  }

  static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }

  @Test
  void embed_script_is_at_most_10_kb_gzipped_and_served_as_javascript() throws Exception {
    HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + "/embed.js")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode());
    assertTrue(header(r, "content-type").startsWith("text/javascript"), header(r, "content-type"));
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(r.body());
    }
    assertTrue(gz.size() <= 10 * 1024, "embed.js is " + gz.size() + " bytes gzipped; the budget is 10 KB");
    String js = new String(r.body(), StandardCharsets.UTF_8);
    assertTrue(js.contains("customElements.define('bayan-search'"), "defines the element");
    assertFalse(js.matches("(?s).*\\b(import|require)\\s*\\(.*"), "no dependencies loaded at run time");
  }

  @Test
  void arabic_is_the_default_and_english_follows_ui_or_accept_language() throws Exception {
    String ar = get("/").body();
    assertTrue(ar.contains("<html lang=\"ar\" dir=\"rtl\">"), ar.substring(0, 200));
    String en = get("/?ui=en").body();
    assertTrue(en.contains("<html lang=\"en\" dir=\"ltr\">"));
    String accept = get("/", "Accept-Language", "en-GB,en;q=0.9,ar;q=0.5").body();
    assertTrue(accept.contains("<html lang=\"en\" dir=\"ltr\">"));
    String bogus = get("/", "Accept-Language", ";;;=q").body();
    assertTrue(bogus.contains("<html lang=\"ar\" dir=\"rtl\">"));
  }

  @Test
  void pages_send_a_csp_without_inline_scripts_and_refuse_framing_except_embed() throws Exception {
    for (String path : List.of("/", "/s/moi-1", "/?q=x")) {
      HttpResponse<String> r = get(path);
      String csp = header(r, "content-security-policy");
      assertNotNull(csp, path);
      assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
      assertTrue(csp.contains("frame-ancestors 'none'"), csp);
      assertEquals("DENY", header(r, "x-frame-options"));
      assertEquals("nosniff", header(r, "x-content-type-options"));
      assertNotNull(header(r, "referrer-policy"));
      assertFalse(r.body().matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), path + " has an inline script");
      assertFalse(r.body().contains(" style=\""), path + " has an inline style attribute");
    }
    HttpResponse<String> embed = get("/embed?agency=moh&lang=ar");
    assertEquals(200, embed.statusCode());
    assertTrue(header(embed, "content-security-policy").contains("frame-ancestors *"));
    assertEquals(null, header(embed, "x-frame-options"));
    assertTrue(embed.body().contains("agency=\"moh\""));
  }

  @Test
  void public_read_endpoints_answer_any_origin_by_default_without_credentials() throws Exception {
    for (String path : List.of("/api/search?q=x", "/api/agencies", "/api/statements/moi-1", "/embed.js")) {
      HttpResponse<String> r = get(path, "Origin", "https://news.example");
      assertEquals("*", header(r, "access-control-allow-origin"), path);
      assertEquals(null, header(r, "access-control-allow-credentials"), path);
    }
    HttpResponse<String> page = get("/", "Origin", "https://news.example");
    assertEquals(null, header(page, "access-control-allow-origin"), "pages are not for cross-origin reading");
    HttpResponse<Void> pre = HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/search"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://news.example")
            .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.discarding());
    assertEquals(204, pre.statusCode());
    assertEquals("*", header(pre, "access-control-allow-origin"));
  }

  @Test
  void configured_cors_origins_are_the_only_ones_allowed() throws Exception {
    Engine e = server.engine;
    try (org.bayan.cli.Service s = org.bayan.cli.Service.start(e, "127.0.0.1", 0, new org.bayan.cli.Service.Options("bayan.test/log",
        new WebSettings(WebSettings.origins("https://news.example, https://b.example:8443"), "'self' https://news.example"),
        org.bayan.cli.Service.Options.DEFAULT_MAX_REQUEST_BYTES))) {
      String base = "http://127.0.0.1:" + s.port();
      assertEquals("https://news.example", header(getFrom(base, "/api/search?q=x", "Origin", "https://news.example"),
          "access-control-allow-origin"));
      assertEquals(null, header(getFrom(base, "/api/search?q=x", "Origin", "https://evil.example"), "access-control-allow-origin"));
      assertTrue(header(getFrom(base, "/embed"), "content-security-policy").contains("frame-ancestors 'self' https://news.example"));
    }
  }

  @Test
  void statement_markup_is_shown_as_text_in_results_and_on_its_page() throws Exception {
    String results = get("/?q=" + TestServer.enc("تحذير")).body();
    assertTrue(results.contains("&lt;script&gt;window.__pwned=1&lt;"), results);
    assertFalse(results.contains("<script>window"), "raw script in results");
    assertFalse(results.contains("<img src=x"), "raw img in results");
    String page = get("/s/" + WebFixture.XSS_ID).body();
    assertTrue(page.contains("&lt;img src=x onerror=&quot;window.__pwned=3&quot;&gt;"), page);
    assertFalse(page.contains("<script>window") || page.contains("<img src=x"), "raw markup on the statement page");
    String query = get("/?q=" + TestServer.enc("\"><script>alert(1)</script>")).body();
    assertFalse(query.contains("<script>alert(1)"), "the query is echoed raw");
    assertTrue(query.contains("&lt;script&gt;alert(1)"));
  }

  @Test
  void statement_page_has_dates_hash_citation_history_and_verification_links() throws Exception {
    String page = get("/s/moi-1").body();
    assertTrue(page.contains("وزارة الداخلية تنفي إغلاق الطرق الرئيسية"));
    assertTrue(page.contains("1 مايو 2024"), "Gregorian date in Arabic");
    assertTrue(page.contains("1445 هـ"), "Hijri date for Arabic readers");
    assertTrue(page.contains("/api/statements/moi-1?version=1") && page.contains("/api/statements/moi-1/proof"));
    assertTrue(page.contains("SHA-256"));
    assertTrue(page.contains("id=\"citation-text\""));
    String en = get("/s/moi-1?ui=en").body();
    assertTrue(en.contains("1 May 2024") && !en.contains("هـ"), "English readers get the Gregorian date only");
    String edited = get("/s/" + WebFixture.EDITED_ID).body();
    assertTrue(edited.contains("<del>الاثنين.</del>") || edited.contains("<ins>الثلاثاء"), edited);
    assertTrue(edited.contains("?version=1"));
    HttpResponse<String> missing = get("/s/no-such-id");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.body().contains("<html lang=\"ar\""), "a page, not JSON, for a reader");
  }

  @Test
  void claim_mode_finds_the_statement_with_its_evidence_sentence_marked() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + "/"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("mode=claim&claim=" + TestServer.enc("الداخلية أغلقت الطرق الرئيسية يوم الجمعة")))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("البيانات الرسمية الأقرب إلى الادعاء"), "says these are claim matches");
    assertTrue(r.body().contains("/s/moi-1"), "finds the denial");
    assertTrue(r.body().contains("<mark>"), "marks the matched words of the evidence");
    assertTrue(r.body().contains("الداخلية أغلقت الطرق الرئيسية يوم الجمعة</textarea>"), "keeps the claim");
  }

  @Test
  void an_empty_claim_asks_for_the_claim_instead_of_listing_every_statement() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + "/"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("mode=claim&claim=+++"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("الصق نصّ الادعاء في المربع ثم ابحث."), "asks for the claim");
    assertFalse(r.body().contains("class=\"hits\""), "lists no statements");
    assertTrue(r.body().contains("</textarea>"), "the claim form is still there");
  }

  @Test
  void bad_parameters_give_a_page_with_the_reason_not_an_error_500() throws Exception {
    HttpResponse<String> r = get("/?page=abc&from=yesterday");
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("role=\"alert\"") && r.body().contains("page"), r.body());
  }

  @Test
  void results_link_to_the_atom_feed_of_the_same_search() throws Exception {
    String page = get("/?q=" + TestServer.enc("الصحة") + "&agency=moh&lang=ar").body();
    assertTrue(page.contains("href=\"/api/search.atom?q=%D8%A7%D9%84%D8%B5%D8%AD%D8%A9&amp;agency=moh&amp;lang=ar\""), page);
  }
}
