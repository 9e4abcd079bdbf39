package org.bayan.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.bayan.testing.TestServer;
import org.bayan.testing.WebFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The claim page as a browser receives it, at its addresses old and new (BrowserTest's kin for behaviour). */
class ClaimPageTest {
  static final String CLAIM = "الداخلية أغلقت الطرق الرئيسية يوم الجمعة";
  @TempDir static Path tmp;
  static TestServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(WebFixture.build(tmp));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static HttpResponse<String> post(String path, String form) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + path))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void a_lookup_is_a_link_the_form_sends_by_get() throws Exception {
    HttpResponse<String> r = get("/claim?text=" + TestServer.enc(CLAIM));
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("<form class=\"claim-form\" method=\"get\" action=\"/claim\">"), "a GET form");
    assertTrue(r.body().contains("name=\"text\""), "the claim field is the API's text");
    assertTrue(r.body().contains("href=\"/s/moi-1\""), "finds the denial");
    assertTrue(r.body().contains(CLAIM + "</textarea>"), "keeps the claim");
  }

  @Test
  void the_older_addresses_still_answer_and_the_posted_ui_is_kept() throws Exception {
    HttpResponse<String> posted = post("/", "mode=claim&ui=en&claim=" + TestServer.enc(CLAIM));
    assertEquals(200, posted.statusCode());
    assertTrue(posted.body().contains("<html lang=\"en\""), "the form's ui=en is the page's language");
    assertTrue(posted.body().contains("href=\"/s/moi-1?ui=en\""), posted.body());
    HttpResponse<String> postedNew = post("/claim", "ui=en&text=" + TestServer.enc(CLAIM));
    assertTrue(postedNew.body().contains("<html lang=\"en\"") && postedNew.body().contains("/s/moi-1"));
    HttpResponse<String> mode = get("/?mode=claim&ui=en");
    assertEquals(200, mode.statusCode());
    assertTrue(mode.body().contains("action=\"/claim\""), "the search page's claim link opens the claim page");
  }

  @Test
  void no_claim_lists_no_statements_and_an_empty_one_asks_for_it() throws Exception {
    HttpResponse<String> bare = get("/claim");
    assertEquals(200, bare.statusCode());
    assertFalse(bare.body().contains("class=\"hits\""), "no statements under an empty claim");
    assertFalse(bare.body().contains("أحدث البيانات"), "no 'latest statements'");
    HttpResponse<String> empty = get("/claim?text=+++");
    assertEquals(400, empty.statusCode());
    assertTrue(empty.body().contains("الصق نصّ الادعاء في المربع ثم ابحث."), "asks for the claim");
    assertFalse(empty.body().contains("class=\"hits\""));
    HttpResponse<String> bad = get("/claim?text=x&from=yesterday");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("from"), "names the parameter at fault");
  }

  @Test
  void the_claim_page_offers_no_keyword_feed() throws Exception {
    String body = get("/claim?text=" + TestServer.enc(CLAIM)).body();
    assertFalse(body.contains("application/atom+xml") || body.contains("search.atom"), "a claim has no Atom feed");
  }

  @Test
  void each_hit_has_its_type_coverage_citation_and_permalink() throws Exception {
    String body = get("/claim?ui=en&text=" + TestServer.enc("وزارة الداخلية تنفي تعويم الطرق")).body();
    assertTrue(body.contains("class=\"type-badge type-denial\">Denial</span>"), body);
    assertTrue(body.contains("In no statement:</strong> <span class=\"words\" dir=\"auto\"><bdi>تعويم</bdi>"), body);
    assertTrue(body.contains("<blockquote id=\"citation-1\""), "a citation per hit");
    // An Arabic statement's citation reads right to left, with its permalink and hash isolated left to right
    // (else the bidi algorithm puts the hash before "SHA-256" and reorders the link around the Arabic).
    assertTrue(body.contains("<blockquote id=\"citation-1\" dir=\"rtl\">"), body);
    assertTrue(body.contains("<bdi dir=\"ltr\">" + server.base() + "/s/moi-1</bdi>"), body);
    assertTrue(body.matches("(?s).*<bdi dir=\"ltr\">\\(SHA-256 [0-9a-f]{64}\\)</bdi>.*"), body);
    assertTrue(body.contains("class=\"permalink\">Permalink: <a href=\"" + server.base() + "/s/moi-1\""), body);
    assertTrue(body.contains("class=\"coverage\""), "coverage per hit");
  }

  @Test
  void a_title_with_markup_is_escaped_once_with_the_claim_words_marked() throws Exception {
    String body = get("/claim?text=" + TestServer.enc("وزارة الصحة تحذير")).body();
    assertFalse(body.contains("&lt;mark&gt;"), "marks are elements, not text");
    assertTrue(body.contains("<mark>تحذير</mark>"), body);
    assertTrue(body.contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;"), "statement markup is text");
    assertFalse(body.contains("<script>window.__pwned"), "statement markup never reaches the page as markup");
  }
}
