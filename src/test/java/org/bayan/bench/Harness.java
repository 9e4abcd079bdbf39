package org.bayan.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.eval.BayanRetriever;
import org.bayan.eval.EvalSet;
import org.bayan.eval.Evaluation;
import org.bayan.eval.Retriever;
import org.bayan.eval.Scores;
import org.bayan.statement.Release;

/**
 * The Java side of bench/run.sh (not a test). Subcommands:
 * <pre>
 *   index ENGINE TARGET REPEAT ROOT...   index the release files under ROOTs REPEAT times; prints a RESULT line
 *   serve ENGINE TARGET PORT             GET /search?q= → {"ids": [...]} (top 10) over HTTP until killed; for
 *                                        a page engine the whole first page ({@link PageEngine}) instead
 *   quality EVAL_ROOT ANALYZERS ENGINE... nDCG@10, MRR@10, Recall@100 on every eval set (ENGINE bayan or below)
 *   corpus OUT REPEAT ROOT...            the release files REPEAT times with new ids, as one .jsonl.gz
 *   queries EVAL_ROOT OUT_KEYWORD OUT_CLAIMS [OUT_OPENSEARCH [OUT_OPENSEARCH_PAGE]]   wrk inputs: URL-encoded
 *                                        topics, ans-dev claims as JSON, the topics as URL-encoded OpenSearch
 *                                        ids-only request bodies, and as OpenSearch page requests (JSON, one a line)
 *   page ENGINE TARGET QUERY             print the page a page engine builds for QUERY (a check by hand)
 * </pre>
 * ENGINE: {@code lucene} and {@code lucene-page} (TARGET a folder), {@code sqlite}, {@code sqlite-norm} (TARGET
 * a file), {@code pg} (TARGET a JDBC URL), {@code opensearch} and {@code opensearch-page} (TARGET its base URL).
 */
public final class Harness {
  private Harness() {}

  static TextEngine engine(String name, String target, boolean create) throws Exception {
    return engine(name, target, create, name.equals("opensearch-page") ? "page" : "docs");
  }

  /** {@code collection}: the table (PostgreSQL) or index (OpenSearch) to use. */
  static TextEngine engine(String name, String target, boolean create, String collection) throws Exception {
    return switch (name) {
      case "lucene" -> new LuceneEngine(Path.of(target), create);
      case "lucene-page" -> new LucenePageEngine(Path.of(target), create);
      case "sqlite" -> new SqliteEngine(Path.of(target), false, create);
      case "sqlite-norm" -> new SqliteEngine(Path.of(target), true, create);
      case "pg" -> new PostgresEngine(target, collection, create);
      case "opensearch" -> new OpenSearchEngine(target, collection, create);
      case "opensearch-page" -> new OpenSearchPageEngine(target, collection, create);
      default -> throw new IllegalArgumentException("unknown engine " + name
          + " (lucene, lucene-page, sqlite, sqlite-norm, pg, opensearch, opensearch-page)");
    };
  }

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "index" -> index(args[1], args[2], Integer.parseInt(args[3]), roots(args, 4));
      case "serve" -> serve(args[1], args[2], Integer.parseInt(args[3]));
      case "quality" -> quality(Path.of(args[1]), Path.of(args[2]), Arrays.asList(args).subList(3, args.length));
      case "corpus" -> {
        Path out = Files.createDirectories(Path.of(args[1]));
        long n = BenchDoc.writeRepeated(roots(args, 3), Integer.parseInt(args[2]), out.resolve("releases.jsonl.gz.part"));
        mergeAgencies(roots(args, 3), out.resolve("agencies.json"));
        Files.move(out.resolve("releases.jsonl.gz.part"), out.resolve("releases.jsonl.gz"));
        System.out.println("RESULT docs=" + n);
      }
      case "queries" -> queries(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]),
          args.length > 4 ? Path.of(args[4]) : null, args.length > 5 ? Path.of(args[5]) : null);
      case "page" -> {
        try (TextEngine e = engine(args[1], args[2], false)) {
          System.out.println(((PageEngine) e).page(args[3]));
        }
      }
      default -> throw new IllegalArgumentException("unknown subcommand " + args[0]);
    }
  }

  private static List<Path> roots(String[] args, int from) {
    return Arrays.stream(args, from, args.length).map(Path::of).toList();
  }

  static void index(String name, String target, int repeat, List<Path> roots) throws Exception {
    AtomicLong bytes = new AtomicLong();
    long start = System.nanoTime();
    long n;
    try (TextEngine e = engine(name, target, true)) {
      n = BenchDoc.forEach(roots, repeat, d -> {
        bytes.addAndGet(d.text().getBytes(StandardCharsets.UTF_8).length);
        try {
          e.add(d);
        } catch (Exception ex) {
          throw new IllegalStateException(ex);
        }
      });
      e.finish();
      double secs = (System.nanoTime() - start) / 1e9;
      System.out.printf("RESULT engine=%s docs=%d text_bytes=%d seconds=%.2f index_bytes=%d%n",
          name, n, bytes.get(), secs, e.sizeBytes());
    }
  }

  static void serve(String name, String target, int port) throws Exception {
    TextEngine e = engine(name, target, false);
    // Without TCP_NODELAY an answer longer than one segment (a page, not ten ids) waits for the client's
    // delayed ACK: about 40 ms per request at one client.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
    server.setExecutor(Executors.newFixedThreadPool(64));
    server.createContext("/search", ex -> {
      int status = 200;
      byte[] body;
      try {
        String raw = ex.getRequestURI().getRawQuery();
        String q = "";
        for (String kv : raw == null ? new String[0] : raw.split("&")) {
          if (kv.startsWith("q=")) q = URLDecoder.decode(kv.substring(2), StandardCharsets.UTF_8);
        }
        if (e instanceof PageEngine page) {
          body = page.page(q).getBytes(StandardCharsets.UTF_8);
        } else {
          StringBuilder b = new StringBuilder("{\"ids\":[");
          List<String> ids = e.search(q, 10);
          for (int i = 0; i < ids.size(); i++) b.append(i == 0 ? "\"" : ",\"").append(ids.get(i)).append('"');
          body = b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        }
      } catch (Exception err) {
        status = 500;
        body = String.valueOf(err).getBytes(StandardCharsets.UTF_8);
      }
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(status, body.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(body);
      }
    });
    server.start();
    System.out.println("READY " + name + " on " + port);
    Thread.currentThread().join();
  }

  static void quality(Path evalRoot, Path analyzers, List<String> engines) throws Exception {
    Path tmp = Files.createTempDirectory("bayan-bench-quality");
    System.out.println("| engine | set | topics | nDCG@10 | MRR@10 | Recall@100 |");
    System.out.println("|---|---|---|---|---|---|");
    try (AnalyzerRegistry registry = AnalyzerRegistry.load(analyzers)) {
      for (String engine : engines) {
        for (EvalSet set : EvalSet.all(evalRoot)) {
          Scores s = Evaluation.run(set, docs -> retriever(engine, docs, registry, tmp.resolve(engine + "-" + set.name())), null, engine);
          System.out.printf("| %s | %s | %d | %.4f | %.4f | %.4f |%n", engine, s.set(), s.topics(), s.ndcg10(), s.mrr10(), s.recall100());
        }
      }
    }
  }

  private static Retriever retriever(String engine, List<Release> docs, AnalyzerRegistry registry, Path where) {
    if (engine.equals("bayan")) return new BayanRetriever(registry, docs);
    try {
      boolean remote = engine.equals("pg") || engine.startsWith("opensearch");
      String target = remote ? System.getProperty("bench." + engine.replace("-page", "")) : where.toString();
      String collection = "q_" + where.getFileName().toString().replaceAll("[^a-z0-9]", "_");
      TextEngine e = engine(engine, target, true, collection);
      for (Release r : docs) {
        String lang = r.language() != null ? r.language() : BenchDoc.arabicShare(r.body()) > 0.3 ? "ar" : "en";
        e.add(new BenchDoc(r.id(), lang, r.title() == null ? "" : r.title(), r.body(),
            r.agency() == null ? "" : r.agency(), r.publishedAt() == null ? "" : r.publishedAt(), r.sourceUrl()));
      }
      e.finish();
      TextEngine reader = remote ? e : engine(engine, target, false);
      return new Retriever() {
        @Override
        public List<String> rank(String query, int n) {
          try {
            return reader.search(query, n);
          } catch (Exception ex) {
            throw new IllegalStateException(ex);
          }
        }

        @Override
        public void close() {
          try {
            reader.close();
            if (reader != e) e.close();
          } catch (Exception ex) {
            throw new IllegalStateException(ex);
          }
        }
      };
    } catch (Exception ex) {
      throw new IllegalStateException(ex);
    }
  }

  static void queries(Path evalRoot, Path keyword, Path claims, Path opensearch, Path opensearchPage) throws Exception {
    List<String> texts = new ArrayList<>();
    for (EvalSet set : EvalSet.all(evalRoot)) texts.addAll(topics(set.topics()));
    java.util.Collections.shuffle(texts, new java.util.Random(42));
    Files.write(keyword, texts.stream().map(q -> URLEncoder.encode(q, StandardCharsets.UTF_8)).toList(), StandardCharsets.UTF_8);
    if (opensearch != null) {
      List<String> bodies = new ArrayList<>();
      for (String q : texts) bodies.add(URLEncoder.encode(OpenSearchEngine.body(q, 10), StandardCharsets.UTF_8));
      Files.write(opensearch, bodies, StandardCharsets.UTF_8);
    }
    if (opensearchPage != null) { // POSTed as they are: a page request is too long for a URL
      List<String> bodies = new ArrayList<>();
      for (String q : texts) bodies.add(OpenSearchPageEngine.body(q));
      Files.write(opensearchPage, bodies, StandardCharsets.UTF_8);
    }
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    try (Writer w = Files.newBufferedWriter(claims, StandardCharsets.UTF_8)) {
      for (String q : topics(evalRoot.resolve("ans-dev/topics.tsv"))) {
        w.write(json.writeValueAsString(Map.of("text", q, "limit", 10)));
        w.write('\n');
      }
    }
  }

  /** One agencies.json holding the agencies of every agencies.json beside the given release files. */
  static void mergeAgencies(List<Path> roots, Path out) throws java.io.IOException {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ArrayNode all = json.createArrayNode();
    for (Path r : roots) {
      Path a = (Files.isDirectory(r) ? r : r.getParent()).resolve("agencies.json");
      if (Files.exists(a)) json.readTree(a.toFile()).forEach(all::add);
    }
    json.writeValue(out.toFile(), all);
  }

  /** The query texts of a topics.tsv ({@code qid<TAB>text}). */
  static List<String> topics(Path file) throws java.io.IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int tab = line.indexOf('\t');
      if (tab > 0 && !line.substring(tab + 1).isBlank()) out.add(line.substring(tab + 1).strip());
    }
    return out;
  }
}
