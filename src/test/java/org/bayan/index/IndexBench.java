package org.bayan.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.classify.StatementTypes;
import org.bayan.index.dedup.Fingerprints;
import org.bayan.ingest.RawRecord;
import org.bayan.ingest.ReleaseFiles;
import org.bayan.ingest.ReleaseParser;
import org.bayan.ingest.Rejection;
import org.bayan.statement.Release;
import org.bayan.statement.SignatureStatus;
import org.bayan.statement.StatementVersion;

/**
 * Benchmark (not a test): CPU time of one thread preparing documents (analysis, fingerprints, type) and of one
 * thread adding them to a writer (inversion, stored fields, the flushes the buffer makes), for the way documents
 * are prepared now and for the way before (every trigram occurrence a token of its own). Thread CPU
 * time, so a busy machine slows it less than wall time. Arguments: release files, an equal share of the documents read from each; -Dbench.docs (20000),
 * -Dbench.rounds (3).
 */
public final class IndexBench {
  private IndexBench() {}

  public static void main(String[] args) throws Exception {
    int docs = Integer.getInteger("bench.docs", 20_000);
    int rounds = Integer.getInteger("bench.rounds", 3);
    List<StatementVersion> versions = read(args, docs);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    try (AnalyzerRegistry analyzers = AnalyzerRegistry.load(Path.of("analyzers"))) {
      Analyzer analyzer = LuceneIndex.analyzer(analyzers);
      for (int round = 1; round <= rounds; round++) {
        for (String way : List.of("before", "now")) {
          long t0 = cpu.getCurrentThreadCpuTime();
          List<StatementDocuments.Prepared> prepared = new ArrayList<>(versions.size());
          for (StatementVersion v : versions) {
            prepared.add(way.equals("now") ? StatementDocuments.prepare(v, analyzer) : before(v, analyzer));
          }
          long t1 = cpu.getCurrentThreadCpuTime();
          try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
              IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setSimilarity(new Similarities())
                  .setRAMBufferSizeMB(128).setMergePolicy(NoMergePolicy.INSTANCE))) {
            long group = 0;
            for (StatementDocuments.Prepared p : prepared) w.addDocument(StatementDocuments.toDocument(p, group++));
            w.flush();
          }
          long t2 = cpu.getCurrentThreadCpuTime();
          System.out.printf("round %d %-6s prepare %.3f ms/doc  write %.3f ms/doc  total %.3f ms/doc%n", round, way,
              (t1 - t0) / 1e6 / versions.size(), (t2 - t1) / 1e6 / versions.size(), (t2 - t0) / 1e6 / versions.size());
        }
      }
    }
  }

  /** As documents were prepared before: each trigram occurrence a token of its own. */
  private static StatementDocuments.Prepared before(StatementVersion v, Analyzer analyzer) {
    Release r = v.release();
    String body = Fingerprints.removeRepeatedBlocks(r.body()).text();
    String lang = Fields.indexLanguage(r.language());
    Map<String, CapturedTokens> tokens = new LinkedHashMap<>();
    for (String field : List.of(Fields.title(lang), Fields.body(lang))) {
      String text = field.equals(Fields.title(lang)) ? r.title() : body;
      for (String f : List.of(field, Fields.exact(field), Fields.grams(field))) {
        tokens.put(f, CapturedTokens.of(analyzer, f, text));
      }
    }
    return new StatementDocuments.Prepared(v, body, Fingerprints.of(body), StatementTypes.of(r), SignatureStatus.of(r),
        r.publishedInstant().toEpochMilli(), tokens);
  }

  private static List<StatementVersion> read(String[] files, int max) throws Exception {
    ReleaseParser parser = new ReleaseParser(agency -> true, ReleaseParser.DEFAULT_MAX_BODY_CHARS);
    List<StatementVersion> out = new ArrayList<>();
    for (String f : files) {
      int until = out.size() + max / files.length; // the same share of each file
      new ReleaseFiles(64L << 20).read(Path.of(f), new ReleaseFiles.Sink() {
        @Override
        public void record(RawRecord r) {
          if (out.size() >= until) return;
          try {
            Release release = parser.parse(r.bytes());
            out.add(new StatementVersion(out.size() + 1, release, 1, "h", Instant.EPOCH));
          } catch (Exception e) {
            // a rejected record is not part of the benchmark
          }
        }

        @Override
        public void rejected(Rejection rejection) {}
      });
    }
    return out;
  }
}
