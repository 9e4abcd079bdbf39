package org.bayan.ingest.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bayan.ingest.RejectsReport;
import org.bayan.ingest.fetch.FetchException;
import org.bayan.ingest.fetch.FetchSettings;
import org.bayan.ingest.fetch.Fetcher;
import org.bayan.statement.Agency;
import org.bayan.statement.PageRules;
import org.bayan.store.AgencyRegistry;
import org.bayan.store.ReleaseStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only pages under an agency's registered prefixes are requested, however the URL is spelled and wherever
 * redirects point: a real HTTP server records every path it is asked for.
 */
class PageScopeTest {
  static final String PAGE = """
      <html><head><meta property="og:title" content="بيان"></head><body>
      <time datetime="2024-05-01T10:00:00+03:00">1 May</time><article><p>نص البيان.</p></article></body></html>""";
  @TempDir Path dir;
  HttpServer http;
  final List<String> requested = new CopyOnWriteArrayList<>();
  final Map<String, String> redirects = new ConcurrentHashMap<>();
  ReleaseStore store;
  PageFetcher fetcher;
  String base;

  @BeforeEach
  void start() throws Exception {
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/", ex -> {
      String raw = ex.getRequestURI().getRawPath();
      requested.add(raw);
      String to = redirects.get(raw);
      if (to != null) {
        ex.getResponseHeaders().add("Location", to);
        ex.sendResponseHeaders(302, -1);
      } else {
        // Every path answers a page, as a server that resolves paths its own way would: the check must not
        // rely on the server refusing.
        byte[] b = PAGE.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
      }
      ex.close();
    });
    http.start();
    base = "http://localhost:" + http.getAddress().getPort();
    store = ReleaseStore.open(dir.resolve("store"));
    AgencyRegistry agencies = new AgencyRegistry(dir.resolve("agencies.json"));
    agencies.register(List.of(new Agency("moh", null, "MoH", null, null, List.of(),
        new PageRules(List.of(base + "/page"), null, null, null))));
    fetcher = new PageFetcher(store, agencies, null, new RejectsReport(dir.resolve("rejects.jsonl")),
        new Fetcher(FetchSettings.defaults().withAllowPrivateAddresses(true).withPerHostDelay(Duration.ZERO)
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))), 100_000);
  }

  @AfterEach
  void stop() {
    http.stop(0);
    store.close();
  }

  void assertOnlyUnderPrefix() {
    for (String p : requested) {
      assertTrue(p.equals("/page") || p.startsWith("/page/"), "requested outside the prefix: " + p + " in " + requested);
    }
  }

  @Test
  void urls_that_climb_out_of_the_prefix_are_refused_without_a_request() {
    List<String> escapes = List.of("/pagefoo", "/pagefoo/../../huge", "/page/../huge", "/page/%2e%2e/huge",
        "/page/.%2E/huge", "/page/1/../../huge", "/page/..%2Fhuge", "/page;/../huge", "/PAGE/1", "/huge");
    List<String> fetched = new ArrayList<>();
    for (String path : escapes) {
      try {
        fetcher.fetch(base + path, "moh");
        fetched.add(path);
      } catch (FetchException e) {
        assertTrue(e.getMessage().contains("moh"), e.getMessage());
      } catch (Exception e) {
        fetched.add(path + " (" + e + ")");
      }
    }
    assertEquals(List.of(), fetched);
    assertEquals(List.of(), requested, "the server was asked for a page outside the prefix");
    assertEquals(0, store.statementCount());
  }

  @Test
  void spellings_of_one_page_are_fetched_in_one_form_and_make_one_statement() throws Exception {
    int port = http.getAddress().getPort();
    for (String url : List.of(base + "/page/1", "http://LOCALHOST:" + port + "/page/1", base + "/page/./1",
        base + "/page/x/../1", base + "/%70age/%31", base + "/page/1#top")) {
      fetcher.fetch(url, "moh");
    }
    assertEquals(1, store.statementCount());
    assertTrue(requested.stream().allMatch("/page/1"::equals), requested.toString());
  }

  @Test
  void every_redirect_hop_must_stay_under_the_prefix() throws Exception {
    redirects.put("/page/away", "/huge");
    redirects.put("/page/relative-away", "../huge");
    redirects.put("/page/dots-away", "/page/../huge");
    redirects.put("/page/hop1", "/page/hop2");
    redirects.put("/page/hop2", base + "/elsewhere/3");
    redirects.put("/page/other-host", "http://127.0.0.1:" + http.getAddress().getPort() + "/page/1");
    redirects.put("/page/to-ftp", "ftp://localhost/page/1");
    redirects.put("/page/moved", "/page/new");
    for (String from : List.of("/page/away", "/page/relative-away", "/page/dots-away", "/page/hop1",
        "/page/other-host", "/page/to-ftp")) {
      FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(base + from, "moh"), from);
      assertTrue(e.getMessage().contains("not under the release pages registered for moh"), e.getMessage());
    }
    assertOnlyUnderPrefix();
    assertTrue(requested.contains("/page/hop2"), "the second hop, still under the prefix, was followed");
    assertEquals(0, store.statementCount());
    // A redirect that stays under the prefix is followed.
    fetcher.fetch(base + "/page/moved", "moh");
    assertEquals(1, store.statementCount());
    assertOnlyUnderPrefix();
  }
}
