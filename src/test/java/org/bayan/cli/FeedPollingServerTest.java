package org.bayan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bayan.ingest.RejectsReport;
import org.bayan.ingest.feed.FeedPoller;
import org.bayan.ingest.feed.FetchState;
import org.bayan.ingest.fetch.FetchSettings;
import org.bayan.ingest.fetch.Fetcher;
import org.bayan.statement.Agency;
import org.bayan.store.AgencyRegistry;
import org.bayan.store.DataLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server polls a registered agency feed itself (serve --poll) and serves its items. */
class FeedPollingServerTest {
  @TempDir Path data;

  @Test
  void a_registered_feed_polled_by_the_server_is_searchable_within_a_second_of_the_poll() throws Exception {
    HttpServer feed = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    feed.createContext("/rss", ex -> {
      byte[] b = """
          <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>MoF</title><language>en</language>
          <item><guid>https://mof.example/r/1</guid><title>Budget approved</title><link>https://mof.example/r/1</link>
          <pubDate>Thu, 02 May 2024 08:00:00 +0000</pubDate><description>The cabinet approved the annual budget.</description></item>
          </channel></rss>""".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    feed.start();
    DataLayout layout = new DataLayout(data);
    new AgencyRegistry(layout.agenciesFile()).register(List.of(new Agency("mof", null, "Ministry of Finance", null, null,
        List.of("http://127.0.0.1:" + feed.getAddress().getPort() + "/rss"), null)));
    HttpClient http = HttpClient.newHttpClient();
    try (Engine engine = Engine.open(data, Path.of("analyzers"), true);
        Service service = Service.start(engine, "127.0.0.1", 0)) {
      FeedPoller poller = new FeedPoller(engine.store, engine.agencies, engine.sync, new RejectsReport(layout.rejectsFile()),
          new Fetcher(FetchSettings.defaults().withAllowPrivateAddresses(true).withPerHostDelay(Duration.ZERO)),
          new FetchState(layout.fetchStateFile()), 100_000);
      service.pollFeeds(poller, 60_000);
      JsonNode res = null;
      long deadline = System.nanoTime() + 5_000_000_000L; // generous on a loaded machine; the docs give the measured figure
      while (System.nanoTime() < deadline) {
        res = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + service.port() + "/api/search?q=budget")).build(), HttpResponse.BodyHandlers.ofString()).body());
        if (res.path("total").asInt() > 0) break;
        Thread.sleep(20);
      }
      assertEquals("mof:mof.example-r-1", res.at("/hits/0/id").asText(), String.valueOf(res));
      assertEquals("https://mof.example/r/1", res.at("/hits/0/source_url").asText());
    } finally {
      feed.stop(0);
    }
  }
}
