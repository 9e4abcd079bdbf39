package org.bayan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * One statement as the comparators see it: id, language, title and body, and for the comparators that build
 * a whole result page the fields a hit shows and the facets count (agency, publication date, source URL).
 * Read from the release files of ../shared/corpora in place; {@code repeat} &gt; 1 reads them again with new
 * ids ({@code id.r2}, ...).
 */
record BenchDoc(String id, String lang, String title, String body, String agency, String publishedAt,
    String sourceUrl) {
  private static final ObjectMapper JSON = new ObjectMapper();

  BenchDoc(String id, String lang, String title, String body) {
    this(id, lang, title, body, "", "", null);
  }

  String text() {
    return title.isEmpty() ? body : title + "\n" + body;
  }

  /** The statement type as Bayan detects it (the {@code type} facet), so every page counts the same values. */
  String type() {
    return org.bayan.classify.StatementTypes.detect(title, body);
  }

  /**
   * Publication time in epoch milliseconds, read as Bayan reads it (a date is its start in UTC), or -1 when
   * the value is missing or not a date (Bayan rejects such a release; a comparator keeps it without a year).
   */
  long publishedMillis() {
    try {
      return publishedAt.length() == 10
          ? java.time.LocalDate.parse(publishedAt).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli()
          : java.time.OffsetDateTime.parse(publishedAt).toInstant().toEpochMilli();
    } catch (java.time.DateTimeException e) {
      return -1;
    }
  }

  /** The publication year in UTC, as Bayan's {@code year} facet counts it, or null without a date. */
  String year() {
    long ms = publishedMillis();
    return ms < 0 ? null : Integer.toString(java.time.Instant.ofEpochMilli(ms).atZone(java.time.ZoneOffset.UTC).getYear());
  }

  /** Every release file (.jsonl, .jsonl.gz) under the given files or folders, in a stable order. */
  static List<Path> files(List<Path> roots) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> s = Files.walk(root)) {
          s.filter(p -> p.toString().endsWith(".jsonl") || p.toString().endsWith(".jsonl.gz")).sorted().forEach(out::add);
        }
      } else {
        out.add(root);
      }
    }
    return out;
  }

  static long forEach(List<Path> roots, int repeat, Consumer<BenchDoc> sink) throws IOException {
    long n = 0;
    for (int r = 1; r <= repeat; r++) {
      for (Path f : files(roots)) {
        try (BufferedReader in = reader(f)) {
          for (String line; (line = in.readLine()) != null; ) {
            if (line.isBlank()) continue;
            JsonNode j = JSON.readTree(line);
            String id = j.path("id").asText() + (r == 1 ? "" : ".r" + r);
            String body = j.path("body").asText("");
            String lang = j.path("language").asText(arabicShare(body) > 0.3 ? "ar" : "en");
            sink.accept(new BenchDoc(id, lang, j.path("title").asText(""), body, j.path("agency").asText(""),
                j.path("published_at").asText(""), j.hasNonNull("source_url") ? j.path("source_url").asText() : null));
            n++;
          }
        }
      }
    }
    return n;
  }

  /** Writes the release files again {@code repeat} times with new ids, as one .jsonl.gz (for Bayan's indexer). */
  static long writeRepeated(List<Path> roots, int repeat, Path out) throws IOException {
    long n = 0;
    try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(out), 1 << 16);
         Writer w = new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8)) {
      for (int r = 1; r <= repeat; r++) {
        for (Path f : files(roots)) {
          try (BufferedReader in = reader(f)) {
            for (String line; (line = in.readLine()) != null; ) {
              if (line.isBlank()) continue;
              ObjectNode j = (ObjectNode) JSON.readTree(line);
              if (r > 1) j.put("id", j.path("id").asText() + ".r" + r);
              w.write(JSON.writeValueAsString(j));
              w.write('\n');
              n++;
            }
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return n;
  }

  static double arabicShare(String s) {
    int ar = 0;
    int letters = 0;
    for (int i = 0; i < s.length() && i < 2000; i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (c >= 0x0600 && c <= 0x06FF) ar++;
      }
    }
    return letters == 0 ? 0 : (double) ar / letters;
  }

  private static BufferedReader reader(Path f) throws IOException {
    InputStream in = Files.newInputStream(f);
    if (f.toString().endsWith(".gz")) in = new GZIPInputStream(in, 1 << 16);
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }
}
