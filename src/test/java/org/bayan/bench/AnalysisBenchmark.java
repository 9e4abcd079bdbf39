package org.bayan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.bayan.analysis.AnalyzerRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Analysis throughput of Bayan's Arabic chain against Lucene's stock ArabicAnalyzer, over the bodies of the
 * first {@value #DOCS} releases of the shared ANT corpus. One operation analyzes all of them; MB/s =
 * ops/s × the megabytes printed at set-up. Run as described in docs/arabic-analysis.md, never in the suite.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnalysisBenchmark {
  static final int DOCS = 1000;

  @Param({"stock", "bayan", "bayan_exact"})
  public String chain;

  private List<String> texts;
  private Analyzer analyzer;
  private AnalyzerRegistry registry;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path shared = Path.of(System.getProperty("bayan.shared", "../shared"));
    Path file = shared.resolve("corpora/ant/releases.jsonl.gz");
    texts = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    long bytes = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      String line;
      while (texts.size() < DOCS && (line = r.readLine()) != null) {
        JsonNode o = json.readTree(line);
        String body = o.path("body").asText("");
        texts.add(body);
        bytes += body.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    System.out.printf("%n%d texts, %.3f MB (UTF-8) per operation%n", texts.size(), bytes / 1e6);
    switch (chain) {
      case "stock" -> analyzer = new ArabicAnalyzer();
      case "bayan" -> analyzer = (registry = AnalyzerRegistry.load(Path.of("analyzers"))).get("arabic");
      case "bayan_exact" -> analyzer = (registry = AnalyzerRegistry.load(Path.of("analyzers"))).get("arabic_exact");
      default -> throw new IllegalArgumentException(chain);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (registry != null) registry.close();
    else analyzer.close();
  }

  @Benchmark
  public long analyze() throws IOException {
    long sum = 0;
    for (String t : texts) {
      try (TokenStream ts = analyzer.tokenStream("body", t)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) sum += term.length();
        ts.end();
      }
    }
    return sum;
  }
}
