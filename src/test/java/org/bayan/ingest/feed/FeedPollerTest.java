package org.bayan.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.index.LuceneIndex;
import org.bayan.ingest.IndexSync;
import org.bayan.ingest.RejectsReport;
import org.bayan.ingest.ReleaseParser;
import org.bayan.ingest.fetch.FetchSettings;
import org.bayan.ingest.fetch.Fetcher;
import org.bayan.search.SearchRequest;
import org.bayan.search.SearchService;
import org.bayan.statement.Agency;
import org.bayan.store.AgencyRegistry;
import org.bayan.store.ReleaseStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds served on loopback by the test itself. */
class FeedPollerTest {
  @TempDir Path dir;
  HttpServer http;
  final Map<String, byte[]> feeds = new ConcurrentHashMap<>();
  final Map<String, String> types = new ConcurrentHashMap<>();
  final AtomicInteger conditionalHits = new AtomicInteger();
  AnalyzerRegistry analyzers;
  ReleaseStore store;
  LuceneIndex index;
  AgencyRegistry agencies;
  RejectsReport rejects;
  SearchService search;

  @BeforeEach
  void start() throws Exception {
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      if (path.equals("/hang")) {
        ex.sendResponseHeaders(200, 0);
        ex.getResponseBody().write("<rss version=\"2.0\"><channel>".getBytes(StandardCharsets.UTF_8));
        ex.getResponseBody().flush();
        try {
          Thread.sleep(20_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        ex.close();
        return;
      }
      byte[] body = feeds.get(path);
      if (body == null) {
        ex.sendResponseHeaders(404, -1);
        ex.close();
        return;
      }
      if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        conditionalHits.incrementAndGet();
        ex.sendResponseHeaders(304, -1);
        ex.close();
        return;
      }
      ex.getResponseHeaders().add("Content-Type", types.getOrDefault(path, "application/rss+xml; charset=utf-8"));
      ex.getResponseHeaders().add("ETag", "\"v1\"");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    http.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    http.start();
    analyzers = AnalyzerRegistry.load(Path.of("analyzers"));
    store = ReleaseStore.open(dir.resolve("store"));
    index = LuceneIndex.open(dir.resolve("index"), analyzers);
    agencies = new AgencyRegistry(dir.resolve("agencies.json"));
    rejects = new RejectsReport(dir.resolve("rejects.jsonl"));
    search = new SearchService(index, a -> Optional.empty());
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

  void register(String... paths) {
    agencies.register(List.of(new Agency("moh", "وزارة الصحة", null, null, null,
        Stream.of(paths).map(this::url).toList(), null)));
  }

  FeedPoller poller(boolean allowPrivate) {
    FetchSettings s = FetchSettings.defaults().withAllowPrivateAddresses(allowPrivate)
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).withPerHostDelay(Duration.ZERO);
    return new FeedPoller(store, agencies, new IndexSync(store, index), rejects, new Fetcher(s),
        new FetchState(dir.resolve("fetch-state.json")), 5_000);
  }

  static final String RSS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
        <title>وزارة الصحة</title><link>https://moh.example/</link><language>ar</language>
        <item><guid>https://moh.example/news/2024/05/01/measles?id=17</guid>
          <title>حملة تطعيم ضد الحصبة</title><link>https://moh.example/news/17</link>
          <pubDate>Wed, 01 May 2024 10:00:00 +0300</pubDate>
          <description><![CDATA[<p>أعلنت <b>وزارة الصحة</b> عن حملة تطعيم ضد الحصبة &amp; النكاف.</p><script>alert(1)</script>]]></description>
        </item>
        <item><guid>no-date-item</guid><title>بلا تاريخ</title><description>نص بلا تاريخ</description></item>
        <item><guid>huge-item</guid><title>كبير</title><pubDate>Wed, 01 May 2024 11:00:00 +0300</pubDate>
          <description>%s</description></item>
      </channel></rss>
      """.formatted("كلمة ".repeat(2_000));

  @Test
  void items_of_a_registered_feed_are_searchable_when_the_poll_returns_and_bad_items_are_quarantined() throws Exception {
    feeds.put("/rss", RSS.getBytes(StandardCharsets.UTF_8));
    register("/rss");
    List<FeedPoller.FeedResult> results = poller(true).pollAll(null);
    assertEquals(1, results.size());
    FeedPoller.FeedResult r = results.getFirst();
    assertNull(r.error(), r.toString());
    assertEquals(1, r.added());
    assertEquals(2, r.rejected());

    var hits = search.search(SearchRequest.of("الحصبة", 10)).hits();
    assertEquals(1, hits.size());
    assertEquals("moh:moh.example-news-2024-05-01-measles-id-17", hits.getFirst().id());
    var stored = store.latest(hits.getFirst().id()).orElseThrow().release();
    assertEquals("أعلنت وزارة الصحة عن حملة تطعيم ضد الحصبة & النكاف.", stored.body());
    assertEquals("2024-05-01T07:00:00Z", stored.publishedAt());
    assertEquals("https://moh.example/news/17", stored.sourceUrl());

    String quarantine = Files.readString(rejects.file());
    assertTrue(quarantine.contains("missing field 'published_at'"), quarantine);
    assertTrue(quarantine.contains("over the limit"), quarantine);

    // The second poll is conditional: the server says nothing changed.
    assertTrue(poller(true).pollAll(null).getFirst().notModified());
    assertEquals(1, conditionalHits.get());
  }

  @Test
  void an_atom_feed_in_a_legacy_encoding_is_read() throws Exception {
    String atom = """
        <?xml version="1.0" encoding="windows-1256"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar"><title>وزارة</title><id>urn:moh</id>
          <updated>2024-05-02T09:00:00Z</updated>
          <entry><id>urn:moh:release:42</id><title>قرار تمديد الإجازة</title>
            <published>2024-05-02T09:00:00+03:00</published><link href="https://moh.example/42"/>
            <content type="html">&lt;p&gt;قررت الوزارة تمديد الإجازة أسبوعا&lt;/p&gt;</content></entry>
        </feed>
        """;
    feeds.put("/atom", atom.getBytes(Charset.forName("windows-1256")));
    types.put("/atom", "application/atom+xml");
    register("/atom");
    FeedPoller.FeedResult r = poller(true).pollAll(null).getFirst();
    assertEquals(1, r.added(), r.toString());
    assertEquals("قررت الوزارة تمديد الإجازة أسبوعا", store.latest("moh:urn:moh:release:42").orElseThrow().release().body());
  }

  @Test
  void malformed_xml_and_undecodable_bytes_reject_the_feed_by_name() throws Exception {
    feeds.put("/broken", "<rss version=\"2.0\"><channel><item><title>x</item></channel>".getBytes(StandardCharsets.UTF_8));
    byte[] bad = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>\u00ff</title></channel></rss>"
        .getBytes(StandardCharsets.ISO_8859_1);
    feeds.put("/badbytes", bad);
    types.put("/badbytes", "application/rss+xml; charset=utf-8");
    register("/broken", "/badbytes");
    List<FeedPoller.FeedResult> results = poller(true).pollAll(null);
    for (FeedPoller.FeedResult r : results) {
      assertNotNull(r.error(), r.toString());
      assertTrue(r.error().startsWith("not a readable RSS or Atom feed"), r.error());
    }
    assertEquals(0, store.statementCount());
    assertTrue(Files.readString(rejects.file()).contains(url("/broken")));
  }

  @Test
  void an_external_entity_is_never_resolved() throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    String xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY leak SYSTEM "%s">]>
        <rss version="2.0"><channel><title>t</title>
          <item><guid>x1</guid><title>&leak;</title><description>&leak;</description>
          <pubDate>Wed, 01 May 2024 10:00:00 +0300</pubDate></item></channel></rss>
        """.formatted(secret.toUri());
    feeds.put("/xxe", xxe.getBytes(StandardCharsets.UTF_8));
    register("/xxe");
    FeedPoller.FeedResult r = poller(true).pollAll(null).getFirst();
    assertNotNull(r.error(), "a feed with a document type declaration is refused");
    assertFalse(r.error().contains("TOP-SECRET"));
    assertEquals(0, store.statementCount());
    assertFalse(Files.readString(store.file()).contains("TOP-SECRET"));
    assertFalse(Files.readString(rejects.file()).contains("TOP-SECRET"));
  }

  @Test
  void a_hanging_feed_times_out_and_loopback_is_refused_unless_allowed() throws Exception {
    register("/hang");
    long t0 = System.nanoTime();
    FeedPoller.FeedResult r = poller(true).pollAll(null).getFirst();
    assertTrue(r.error().contains("timeout"), r.toString());
    assertTrue((System.nanoTime() - t0) / 1e9 < 10, "cut off near the read timeout, not after the server gives up");

    feeds.put("/rss", RSS.getBytes(StandardCharsets.UTF_8));
    register("/rss");
    FeedPoller.FeedResult refused = poller(false).pollAll(null).getFirst();
    assertTrue(refused.error().contains("non-public address 127.0.0.1"), refused.toString());
  }
}
