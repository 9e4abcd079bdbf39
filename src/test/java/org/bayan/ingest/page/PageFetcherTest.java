package org.bayan.ingest.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.index.LuceneIndex;
import org.bayan.ingest.IndexSync;
import org.bayan.ingest.InvalidRecordException;
import org.bayan.ingest.RejectsReport;
import org.bayan.ingest.fetch.FetchException;
import org.bayan.ingest.fetch.FetchSettings;
import org.bayan.ingest.fetch.Fetcher;
import org.bayan.search.SearchRequest;
import org.bayan.search.SearchService;
import org.bayan.statement.Agency;
import org.bayan.statement.PageRules;
import org.bayan.statement.Release;
import org.bayan.store.AgencyRegistry;
import org.bayan.store.ReleaseStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageFetcherTest {
  @TempDir Path dir;
  HttpServer http;
  final Map<String, String> pages = new ConcurrentHashMap<>();
  AnalyzerRegistry analyzers;
  ReleaseStore store;
  LuceneIndex index;
  AgencyRegistry agencies;
  RejectsReport rejects;
  PageFetcher fetcher;

  @BeforeEach
  void start() throws Exception {
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/", ex -> {
      String page = pages.get(ex.getRequestURI().getPath());
      byte[] b = page == null ? new byte[0] : page.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      ex.sendResponseHeaders(page == null ? 404 : 200, b.length == 0 ? -1 : b.length);
      if (b.length > 0) ex.getResponseBody().write(b);
      ex.close();
    });
    http.start();
    analyzers = AnalyzerRegistry.load(Path.of("analyzers"));
    store = ReleaseStore.open(dir.resolve("store"));
    index = LuceneIndex.open(dir.resolve("index"), analyzers);
    agencies = new AgencyRegistry(dir.resolve("agencies.json"));
    rejects = new RejectsReport(dir.resolve("rejects.jsonl"));
    String base = "http://127.0.0.1:" + http.getAddress().getPort();
    agencies.register(List.of(
        new Agency("spa", null, "SPA", null, null, List.of(), new PageRules(List.of(base + "/spa/"), "div.headline", "span.dateline", "div.news-body")),
        new Agency("moh", null, "MoH", null, null, List.of(), new PageRules(List.of(base + "/moh/"), null, null, null))));
    fetcher = new PageFetcher(store, agencies, new IndexSync(store, index), rejects,
        new Fetcher(FetchSettings.defaults().withAllowPrivateAddresses(true).withPerHostDelay(Duration.ZERO)
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))), 100_000);
  }

  @AfterEach
  void stop() throws Exception {
    http.stop(0);
    index.close();
    store.close();
    analyzers.close();
  }

  String url(String path) {
    return "http://127.0.0.1:" + http.getAddress().getPort() + path;
  }

  @Test
  void the_agency_selectors_pick_title_date_and_body() throws Exception {
    pages.put("/spa/1", """
        <html lang="ar"><head><title>SPA | site</title></head><body>
        <nav>الرئيسية | أخبار</nav>
        <div class="headline">مجلس الوزراء يوافق على الميزانية</div>
        <span class="dateline">2015-08-10T12:00:00+03:00</span>
        <div class="news-body"><p>وافق مجلس الوزراء على الميزانية العامة.</p><p>وأكد المجلس أهمية الإنفاق.</p></div>
        <footer>حقوق النشر</footer></body></html>""");
    String id = fetcher.fetch(url("/spa/1"), "spa").version().id();
    Release r = store.latest(id).orElseThrow().release();
    assertEquals("مجلس الوزراء يوافق على الميزانية", r.title());
    assertEquals("2015-08-10T12:00:00+03:00", r.publishedAt());
    assertEquals("وافق مجلس الوزراء على الميزانية العامة.\nوأكد المجلس أهمية الإنفاق.", r.body());
    assertEquals("ar", r.language());
    assertEquals(url("/spa/1"), r.sourceUrl());
    SearchService search = new SearchService(index, a -> Optional.empty());
    assertEquals(id, search.search(SearchRequest.of("الميزانية", 10)).hits().getFirst().id());
  }

  @Test
  void without_selectors_the_fallback_reads_og_title_time_and_article_or_the_largest_block() throws Exception {
    pages.put("/moh/a", """
        <html><head><meta property="og:title" content="Measles campaign"></head><body>
        <h1>Site name</h1><time datetime="2024-05-01T10:00:00+03:00">1 May</time>
        <article><p>The ministry starts a measles campaign.</p><script>track()</script></article></body></html>""");
    Release a = store.latest(fetcher.fetch(url("/moh/a"), "moh").version().id()).orElseThrow().release();
    assertEquals("Measles campaign", a.title());
    assertEquals("2024-05-01T10:00:00+03:00", a.publishedAt());
    assertEquals("The ministry starts a measles campaign.", a.body());

    pages.put("/moh/b", """
        <html><head><meta property="article:published_time" content="2024-05-02"></head><body>
        <div class="menu">Home About Contact</div><h1>Clinics extend hours</h1>
        <div class="content"><p>All clinics will extend their opening hours during the holiday.</p>
        <p>Emergency services remain open around the clock.</p></div></body></html>""");
    Release b = store.latest(fetcher.fetch(url("/moh/b"), "moh").version().id()).orElseThrow().release();
    assertEquals("Clinics extend hours", b.title());
    assertEquals("2024-05-02", b.publishedAt());
    assertTrue(b.body().startsWith("All clinics will extend") && !b.body().contains("Contact"), b.body());
  }

  @Test
  void a_page_outside_the_registered_prefixes_is_never_fetched_and_a_dateless_page_is_quarantined() throws Exception {
    pages.put("/elsewhere", "<html><body><article>x</article></body></html>");
    FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(url("/elsewhere"), "moh"));
    assertTrue(e.getMessage().contains("not under the release pages registered for moh"));

    pages.put("/moh/nodate", "<html><body><h1>T</h1><article><p>No date here.</p></article></body></html>");
    InvalidRecordException r = assertThrows(InvalidRecordException.class, () -> fetcher.fetch(url("/moh/nodate"), "moh"));
    assertTrue(r.getMessage().contains("published_at"));
    assertTrue(Files.readString(rejects.file()).contains("No date here."), "the raw record is kept for a re-submission");
  }
}
