package org.bayan.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bayan.cli.Engine;
import org.bayan.cli.SearchBackend;
import org.bayan.ingest.Indexer;
import org.bayan.ingest.RejectsReport;
import org.bayan.ingest.ReleaseParser;

/** Test data written to real files: agencies files, release lines, paths of the project and shared data. */
public final class Fixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  /** The project folder (tests run with it as working directory). */
  public static Path project() {
    return Path.of("").toAbsolutePath();
  }

  public static Path analyzers() {
    return project().resolve("analyzers");
  }

  /** ../shared, as surefire passes it. */
  public static Path shared() {
    String p = System.getProperty("bayan.shared");
    Path path = p != null ? Path.of(p) : project().resolve("../shared");
    return path.toAbsolutePath().normalize();
  }

  /** An agencies file with the given slugs (Arabic and English names derived from them). */
  public static Path agencies(Path dir, String... ids) throws IOException {
    var arr = JSON.createArrayNode();
    for (String id : ids) {
      ObjectNode o = arr.addObject();
      o.put("id", id);
      o.put("name_ar", "وزارة " + id);
      o.put("name_en", "Ministry of " + id);
      o.put("kind", "ministry");
      o.put("website", "https://" + id + ".example.gov");
    }
    Path f = dir.resolve("agencies.json");
    Files.createDirectories(dir);
    JSON.writeValue(f.toFile(), arr);
    return f;
  }

  /** One release line in release format v1. */
  public static String release(String id, String agency, String title, String body, String publishedAt) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", id);
    o.put("agency", agency);
    o.put("title", title);
    o.put("body", body);
    o.put("published_at", publishedAt);
    o.put("source_url", "https://" + agency + ".example.gov/releases/" + id);
    return o.toString();
  }

  public static String json(Map<String, ?> fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Path lines(Path file, List<String> lines) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8));
    return file;
  }

  /**
   * Indexes each input (a file or a folder of releases and their agencies file) into the data folder {@code
   * data}, one indexer run per input in order, as {@code bayan index} does; returns {@code data}.
   */
  public static Path indexed(Path data, SearchBackend backend, Path... inputs) throws IOException {
    try (Engine e = Engine.open(data, analyzers(), true, backend)) {
      PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
      for (Path in : inputs) {
        new Indexer(e.store, e.agencies, e.sync, new RejectsReport(e.layout.rejectsFile()),
            ReleaseParser.DEFAULT_MAX_BODY_CHARS, quiet, quiet, false).run(List.of(in));
      }
    }
    return data;
  }

  /** {@link #indexed(Path, SearchBackend, Path...)} on the embedded engine. */
  public static Path indexed(Path data, Path... inputs) throws IOException {
    return indexed(data, SearchBackend.LUCENE, inputs);
  }
}
