package org.bayan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bayan.ingest.RejectsReport;
import org.bayan.ingest.ReleaseParser;
import org.bayan.ingest.feed.FeedPoller;
import org.bayan.ingest.feed.FetchState;
import org.bayan.ingest.fetch.FetchSettings;
import org.bayan.ingest.fetch.Fetcher;
import org.bayan.ingest.push.ApiKeys;
import org.bayan.statement.Agency;
import org.bayan.statement.Release;
import org.bayan.store.AgencyRegistry;
import org.bayan.store.DataLayout;
import org.bayan.store.ReleaseStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench-freshness", mixinStandardHelpOptions = true,
    description = "Measure how soon new releases are searchable: push (HTTP 2xx → found by /api/search), feed "
        + "poll (poll start → found) and another process's store append (→ found through the follower). "
        + "Prints p50/p99 in milliseconds. Uses a fresh data folder in a temporary directory.")
final class BenchFreshnessCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--n", defaultValue = "200", description = "Releases per path. Default: ${DEFAULT-VALUE}.")
  int n;

  @Option(names = "--preload", paramLabel = "FILE",
      description = "Index this release file first (e.g. a shared corpus) so the index has a realistic size.")
  Path preload;

  @Option(names = "--analyzers", paramLabel = "DIR")
  Path analyzers;

  private final HttpClient http = HttpClient.newHttpClient();
  private int port;

  @Override
  public Integer call() throws Exception {
    Path data = Files.createTempDirectory("bayan-bench-");
    Path analyzersDir = analyzers != null ? analyzers : Home.resolve("analyzers");
    DataLayout layout = new DataLayout(data);
    new AgencyRegistry(layout.agenciesFile()).register(List.of(new Agency("bench", null, "Bench", null, null)));
    if (preload != null) {
      IndexCommand.run(data, analyzersDir, List.of(preload), null, ReleaseParser.DEFAULT_MAX_BODY_CHARS);
    }
    String key = new ApiKeys(layout.apiKeysFile()).create("bench", null);
    HttpServer feedServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    StringBuilder items = new StringBuilder();
    feedServer.createContext("/feed", ex -> {
      byte[] b;
      synchronized (items) {
        b = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>bench</title>" + items
            + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
      }
      ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    feedServer.start();
    new AgencyRegistry(layout.agenciesFile()).register(List.of(new Agency("bench", null, "Bench", null, null,
        List.of("http://127.0.0.1:" + feedServer.getAddress().getPort() + "/feed"), null)));
    try (Engine engine = Engine.open(data, analyzersDir, true);
        Service service = Service.start(engine, "127.0.0.1", 0)) {
      port = service.port();
      System.out.printf(Locale.ROOT, "index holds %,d statements%n", service.statementCount());
      long[] ack = new long[n];
      long[] found = new long[n];
      for (int i = 0; i < n; i++) {
        String word = "pushword" + i + "x";
        String body = JSON.createObjectNode().put("id", "bench-push-" + i).put("agency", "bench")
            .put("body", "bench release " + word).put("published_at", "2024-05-01").toString();
        long t0 = System.nanoTime();
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/admin/releases"))
            .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) throw new IllegalStateException("push failed: " + res.body());
        long t1 = System.nanoTime();
        waitFound(word);
        long t2 = System.nanoTime();
        ack[i] = t1 - t0;
        found[i] = t2 - t1;
      }
      report("push: request → 2xx (durable and indexed)", ack);
      report("push: 2xx → found by /api/search", found);

      FetchSettings fs = FetchSettings.defaults().withAllowPrivateAddresses(true).withPerHostDelay(Duration.ZERO);
      FeedPoller poller = new FeedPoller(engine.store, engine.agencies, engine.sync,
          new RejectsReport(layout.rejectsFile()), new Fetcher(fs), new FetchState(layout.fetchStateFile()),
          ReleaseParser.DEFAULT_MAX_BODY_CHARS);
      long[] feed = new long[n];
      for (int i = 0; i < n; i++) {
        String word = "feedword" + i + "x";
        synchronized (items) {
          items.append("<item><guid>feed-").append(i).append("</guid><title>t</title><description>bench feed item ")
              .append(word).append("</description><pubDate>Wed, 01 May 2024 10:00:00 +0000</pubDate></item>");
        }
        long t0 = System.nanoTime();
        for (FeedPoller.FeedResult r : poller.pollAll("bench")) if (r.error() != null || r.rejected() > 0) System.err.println(r);
        waitFound(word);
        feed[i] = System.nanoTime() - t0;
      }
      report("feed: poll start → found by /api/search (" + n + " polls, feed growing to " + n + " items)", feed);

      long[] follow = new long[n];
      try (ReleaseStore other = ReleaseStore.open(layout.storeDir())) { // as bayan index in another process
        for (int i = 0; i < n; i++) {
          String word = "storeword" + i + "x";
          long t0 = System.nanoTime();
          other.append(List.of(new Release("bench-store-" + i, "bench", "", "bench stored " + word, "en",
              "2024-05-01", null, null, null, null, null)));
          waitFound(word);
          follow[i] = System.nanoTime() - t0;
        }
      }
      report("store append by another writer → found (follower every " + Service.FOLLOW_MS + " ms)", follow);
    } finally {
      feedServer.stop(0);
    }
    return 0;
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private void waitFound(String word) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/search?q=" + word)).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode r = JSON.readTree(res.body());
      if (r.path("total").asLong() > 0) return;
      Thread.sleep(1);
    }
    throw new IllegalStateException(word + " not searchable within 10 s");
  }

  private static void report(String what, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    System.out.printf(Locale.ROOT, "%-80s p50 %7.1f ms   p99 %7.1f ms   max %7.1f ms%n", what,
        s[(int) Math.floor(0.50 * (s.length - 1))] / 1e6, s[(int) Math.floor(0.99 * (s.length - 1))] / 1e6,
        s[s.length - 1] / 1e6);
  }
}
