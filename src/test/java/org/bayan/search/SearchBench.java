package org.bayan.search;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.bayan.cli.Engine;
import org.bayan.cli.Service;
import org.bayan.search.query.QueryLanguage;

/**
 * Benchmark (not a test): latency and throughput of {@code /api/search} with highlighting and facets over a
 * real data folder, beside the same queries run in-process (the whole search without HTTP, and raw Lucene:
 * the same Lucene query, top 10, nothing else). Queries are the topics of ../shared/eval. Run with
 * {@code bench/search.sh}.
 *
 * <p>Arguments: data folder, analyzers folder, eval folder, clients, warm-up seconds, measured seconds.
 */
public final class SearchBench {
  private SearchBench() {}

  interface Call {
    void run(String q) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    Path analyzers = Path.of(args[1]);
    Path eval = Path.of(args[2]);
    int clients = Integer.parseInt(args[3]);
    int warm = Integer.parseInt(args[4]);
    int secs = Integer.parseInt(args[5]);
    List<String> queries = topics(eval);
    try (Engine engine = Engine.open(data, analyzers, true); Service service = Service.start(engine, "127.0.0.1", 0)) {
      System.out.printf("statements: %,d; queries: %,d (topics of %s); clients: %d%n",
          service.statementCount(), queries.size(), eval, clients);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String base = "http://127.0.0.1:" + service.port() + "/api/search?q=";
      Call overHttp = q -> {
        HttpResponse<byte[]> r = http.send(
            HttpRequest.newBuilder(URI.create(base + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) throw new IllegalStateException(r.statusCode() + " for " + q);
      };
      SearchService search = new SearchService(engine.index, engine.agencies::get);
      Call inProcess = q -> search.search(SearchRequest.of(q, 10));
      QueryLanguage language = new QueryLanguage();
      QueryCompiler compiler = new QueryCompiler(new KeywordQueries(engine.index.analyzer()));
      Call raw = q -> {
        Query query = compiler.compile(language.parse(q)).query();
        IndexSearcher s = engine.index.acquire();
        try {
          s.search(query, new TopScoreDocCollectorManager(10, null, 1_000));
        } finally {
          engine.index.release(s);
        }
      };
      System.out.println();
      System.out.println("| path | p50 ms | p99 ms | max ms | queries/s |");
      System.out.println("|---|---|---|---|---|");
      run("HTTP /api/search (highlights + facets)", overHttp, queries, clients, warm, secs);
      run("in-process SearchService (same work, no HTTP)", inProcess, queries, clients, warm, secs);
      run("raw Lucene (same query, top 10 only)", raw, queries, clients, warm, secs);
    }
  }

  static List<String> topics(Path eval) throws IOException {
    List<String> out = new ArrayList<>();
    for (String set : List.of("xquadr-ar", "xquadr-en", "ans-dev", "ant-titles", "arcd-train")) {
      Path f = eval.resolve(set).resolve("topics.tsv");
      if (!Files.exists(f)) continue;
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        int tab = line.indexOf('\t');
        if (tab > 0 && tab < line.length() - 1) out.add(line.substring(tab + 1));
      }
    }
    Collections.shuffle(out, new Random(42));
    return out;
  }

  static void run(String name, Call call, List<String> queries, int clients, int warm, int secs) throws Exception {
    measure(call, queries, clients, warm);
    long t0 = System.nanoTime();
    long[] all = measure(call, queries, clients, secs);
    double elapsed = (System.nanoTime() - t0) / 1e9;
    Arrays.sort(all);
    System.out.printf("| %s | %.1f | %.1f | %.1f | %.0f |%n", name, pct(all, 0.50), pct(all, 0.99),
        all[all.length - 1] / 1e6, all.length / elapsed);
  }

  /** Closed loop: each client sends its next query when the last one answered. Latencies in ns. */
  static long[] measure(Call call, List<String> queries, int clients, int secs) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger next = new AtomicInteger();
    List<long[]> perClient = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Thread t = new Thread(() -> {
        long[] buf = new long[1 << 16];
        int n = 0;
        try {
          while (!stop.get()) {
            String q = queries.get(Math.floorMod(next.getAndIncrement(), queries.size()));
            long s = System.nanoTime();
            call.run(q);
            if (n == buf.length) buf = Arrays.copyOf(buf, n * 2);
            buf[n++] = System.nanoTime() - s;
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        perClient.add(Arrays.copyOf(buf, n));
      });
      t.start();
      threads.add(t);
    }
    Thread.sleep(secs * 1000L);
    stop.set(true);
    for (Thread t : threads) t.join();
    return perClient.stream().flatMapToLong(Arrays::stream).toArray();
  }

  static double pct(long[] sorted, double p) {
    if (sorted.length == 0) return Double.NaN;
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }
}
