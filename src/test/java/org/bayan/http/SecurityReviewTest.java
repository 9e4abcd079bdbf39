package org.bayan.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.bayan.testing.Fixtures;
import org.bayan.testing.TestServer;
import org.bayan.testing.TestServer.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Injection and traversal attempts through every place user text enters or is shown. */
class SecurityReviewTest {
  static final String SCRIPT = "\"><img src=x onerror=alert(1)><script>alert(2)</script>";
  @TempDir static Path tmp;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.agencies(in, "moh");
    Fixtures.lines(in.resolve("r.jsonl"), List.of(
        Fixtures.release("moh-1", "moh", "Vaccination campaign " + SCRIPT,
            "The ministry announced a vaccination campaign " + SCRIPT, "2024-05-01")));
    Path data = tmp.resolve("data");
    Fixtures.indexed(data, in);
    server = TestServer.start(data);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static void assertNoMarkup(String body, String where) {
    assertFalse(body.contains("<img src=x"), where + " shows raw markup: " + body);
    assertFalse(body.contains("<script>alert"), where + " shows raw markup: " + body);
  }

  @Test
  void query_text_echoed_in_the_page_the_suggestion_and_the_feed_is_escaped() throws Exception {
    // A misspelt word next to markup: the corrected query ("did you mean") carries the markup along.
    String q = "vacination " + SCRIPT;
    Response page = server.get("/?q=" + TestServer.enc(q));
    assertEquals(200, page.status());
    assertNoMarkup(page.body(), "search page");
    Response api = server.get("/api/search?q=" + TestServer.enc("vacination campain"));
    assertTrue(api.contentType().startsWith("application/json"), api.contentType());
    Response feed = server.get("/api/search.atom?q=" + TestServer.enc(q));
    assertEquals(200, feed.status());
    assertNoMarkup(feed.body(), "Atom feed");
    Response embed = server.get("/embed?q=" + TestServer.enc(q));
    assertNoMarkup(embed.body(), "embed page");
    Response statement = server.get("/s/moh-1");
    assertNoMarkup(statement.body(), "statement page");
    Response missing = server.get("/s/" + TestServer.enc(SCRIPT));
    assertNoMarkup(missing.body(), "missing statement page");
  }

  @Test
  void static_files_never_leave_the_assets_whatever_the_encoding() throws Exception {
    for (String path : List.of("/static/../../pom.xml", "/static/..%2F..%2Fpom.xml", "/static/%2e%2e%2f%2e%2e%2fpom.xml",
        "/static/%252e%252e%252fpom.xml", "/static/..%5c..%5cpom.xml", "/static/....//....//pom.xml",
        "/static/%2e%2e/%2e%2e/pom.xml", "/static/..;/..;/pom.xml", "/static/app.css%00.xml",
        "/static/web/../../../pom.xml", "/static//etc/passwd")) {
      String raw = rawGet(path);
      int status = Integer.parseInt(raw.substring(9, 12));
      assertTrue(status == 404 || status == 400, path + " answered " + raw.lines().findFirst().orElse(""));
      assertFalse(raw.contains("<modelVersion>") || raw.contains("root:x:0"), path + " leaked a file");
    }
  }

  @Test
  void requests_jetty_refuses_before_any_route_are_answered_with_the_api_json_error() throws Exception {
    int checked = 0;
    for (String request : List.of(
        "GET /api/search?q=x HTTP/1.1\r\nHost: a b c\r\nConnection: close\r\n\r\n",
        "GET /api/search?q=x HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(70_000) + "\r\nConnection: close\r\n\r\n",
        "GET /static/..%2F..%2Fpom.xml HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")) {
      checked++;
      String raw = raw(request);
      int status = Integer.parseInt(raw.substring(9, 12));
      assertTrue(status >= 400 && status < 500, raw);
      // The last may reach the routes (their own JSON 404); a bad Host and oversized headers never do.
      if (status == 404 && checked == 3) continue;
      String headers = raw.substring(0, raw.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
      String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
      assertTrue(headers.contains("content-type: application/json"), raw);
      assertTrue(body.contains("\"error\"") && body.contains("\"detail\""), raw);
      assertFalse(body.contains("<html"), raw);
    }
  }

  static String raw(String request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.service.port())) {
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A request line sent as is: an HTTP client would normalize the dot segments away before sending. */
  static String rawGet(String target) throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.service.port())) {
      s.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void a_query_string_with_line_breaks_never_forges_an_access_log_line() {
    String line = AccessLog.line("127.0.0.1", "GET", "/api/search",
        "/api/search?q=x\r\n127.0.0.1 GET /api/admin/releases 200\u2028\u0085", 200, 1.5f);
    assertEquals(1, line.lines().count(), line);
    assertFalse(line.contains("\r") || line.contains("\n") || line.contains("\u2028") || line.contains("\u0085"), line);
    assertTrue(line.startsWith("127.0.0.1 GET /api/search /api/search?q=x??127.0.0.1+GET"), line);
    assertTrue(AccessLog.line("c", "GET", "/", "/?q=" + "a".repeat(5_000), 200, 0).length() < AccessLog.MAX_TARGET_CHARS + 100);
  }

  @Test
  void the_access_log_is_built_without_request_headers_so_keys_never_reach_it() throws Exception {
    // Its only inputs are client address, method, route, target, status and time: no header is a parameter.
    for (var m : AccessLog.class.getDeclaredMethods()) {
      if (m.getName().equals("line")) {
        assertEquals(6, m.getParameterCount());
      }
    }
    // And a key sent where a careless client might put it is not accepted there.
    Response r = server.get("/api/admin/releases?api_key=bayan_x");
    assertTrue(r.status() == 401 || r.status() == 405, r.body());
  }
}
