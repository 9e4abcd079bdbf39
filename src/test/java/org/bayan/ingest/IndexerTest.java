package org.bayan.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.lucene.index.CheckIndex;
import org.bayan.cli.Engine;
import org.bayan.search.SearchRequest;
import org.bayan.search.SearchService;
import org.bayan.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexerTest {
  @TempDir Path tmp;

  private IndexSummary index(Engine e, Path... paths) throws IOException {
    return index(e, 1_000, paths);
  }

  private IndexSummary index(Engine e, int maxBody, Path... paths) throws IOException {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    return new Indexer(e.store, e.agencies, e.sync, new RejectsReport(e.layout.rejectsFile()), maxBody, quiet, quiet,
        false).run(List.of(paths));
  }

  private static long hits(Engine e, String q) {
    return new SearchService(e.index, e.agencies::get)
        .search(SearchRequest.of(q, 10)).total();
  }

  @Test
  void a_file_of_thousands_of_bad_records_is_quarantined_whole_while_the_summary_keeps_the_first() throws Exception {
    Path releases = tmp.resolve("in");
    Fixtures.agencies(releases, "moi");
    StringBuilder lines = new StringBuilder();
    int bad = 2 * Indexer.KEPT_REJECTIONS + 500;
    for (int i = 0; i < bad; i++) lines.append(Fixtures.release("bad~" + i, "moi", "t", "نص", "2024-05-01")).append('\n');
    lines.append(Fixtures.release("good-1", "moi", "وزارة الداخلية تعلن", "أعلنت وزارة الداخلية خطة", "2024-05-01")).append('\n');
    Files.writeString(releases.resolve("many.jsonl"), lines);
    try (Engine e = Engine.open(tmp.resolve("data"), Fixtures.analyzers(), true)) {
      IndexSummary s = index(e, releases);
      assertEquals(1, s.added());
      assertEquals(bad, s.rejected());
      assertEquals(Indexer.KEPT_REJECTIONS, s.rejections().size());
      assertEquals(bad, Files.readAllLines(e.layout.rejectsFile()).size(), "every rejection is in the quarantine once");
      assertEquals(1, hits(e, "الداخلية"));
    }
  }

  @Test
  void each_kind_of_bad_record_is_rejected_with_its_line_and_reason_and_the_good_ones_land() throws Exception {
    Path releases = tmp.resolve("in");
    Fixtures.agencies(releases, "moi", "moh");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String[] lines = {
      Fixtures.release("good-1", "moi", "وزارة الداخلية تعلن", "أعلنت وزارة الداخلية عن خطة مرورية جديدة", "2024-05-01"),
      "{\"id\": \"broken\", \"agency\": ",                                                              // 2 malformed JSON
      Fixtures.json(Map.of("agency", "moi", "body", "نص", "published_at", "2024-05-01")),               // 3 no id
      Fixtures.release("bad id!", "moi", "t", "نص", "2024-05-01"),                                      // 4 invalid id
      Fixtures.release("x-1", "nobody", "t", "نص", "2024-05-01"),                                       // 5 unknown agency
      null,                                                                                             // 6 invalid UTF-8
      Fixtures.release("x-2", "moi", "t", "ب".repeat(1_001), "2024-05-01"),                             // 7 body too long
      Fixtures.release("x-3", "moi", "t", "نص", "01/05/2024"),                                          // 8 bad date
      Fixtures.release("x-4", "moi", "t", " ", "2024-05-01"),                                           // 9 empty body
      Fixtures.json(Map.of("id", "x-5", "agency", "moi", "body", "نص", "published_at", "2024-05-01",
          "source_url", "ftp://example.org/x")),                                                        // 10 bad URL
      Fixtures.json(Map.of("id", "x-6", "agency", "moi", "body", "نص", "published_at", "2024-05-01",
          "language", "fr")),                                                                           // 11 bad language
      Fixtures.release("good-2", "moh", "Health ministry statement", "The ministry of health denies the rumour",
          "2024-05-02T09:30:00+03:00"),                                                                 // 12 good
    };
    for (String l : lines) {
      if (l == null) {
        bytes.write("{\"id\":\"utf\",\"agency\":\"moi\",\"body\":\"".getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {(byte) 0xC3, (byte) 0x28});
        bytes.write("\",\"published_at\":\"2024-05-01\"}".getBytes(StandardCharsets.UTF_8));
      } else {
        bytes.write(l.getBytes(StandardCharsets.UTF_8));
      }
      bytes.write('\n');
    }
    Path file = releases.resolve("mixed.jsonl");
    Files.write(file, bytes.toByteArray());

    try (Engine e = Engine.open(tmp.resolve("data"), Fixtures.analyzers(), true)) {
      IndexSummary s = index(e, releases);
      assertEquals(2, s.added());
      assertEquals(10, s.rejected());
      Map<Long, String> byLine = new java.util.HashMap<>();
      for (Rejection r : s.rejections()) {
        assertEquals(file.toString(), r.source());
        byLine.put(r.line(), r.reason());
      }
      assertTrue(byLine.get(2L).contains("malformed JSON"), byLine.get(2L));
      assertTrue(byLine.get(3L).contains("'id'"), byLine.get(3L));
      assertTrue(byLine.get(4L).contains("invalid 'id'"), byLine.get(4L));
      assertTrue(byLine.get(5L).contains("unknown agency 'nobody'"), byLine.get(5L));
      assertTrue(byLine.get(6L).contains("invalid UTF-8"), byLine.get(6L));
      assertTrue(byLine.get(7L).contains("over the limit of 1000"), byLine.get(7L));
      assertTrue(byLine.get(8L).contains("published_at"), byLine.get(8L));
      assertTrue(byLine.get(9L).contains("'body'"), byLine.get(9L));
      assertTrue(byLine.get(10L).contains("source_url"), byLine.get(10L));
      assertTrue(byLine.get(11L).contains("language"), byLine.get(11L));
      assertEquals(1, hits(e, "الداخلية"));
      assertEquals(1, hits(e, "denies rumour"));
      String report = Files.readString(e.layout.rejectsFile());
      assertTrue(report.contains("\"line\":5") && report.contains("unknown agency"), report);
    }
  }

  @Test
  void indexing_the_same_files_twice_changes_nothing_and_edits_update_the_statement() throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.agencies(in, "moi");
    Path f = Fixtures.lines(in.resolve("a.jsonl"), List.of(
        Fixtures.release("r1", "moi", "بيان أول", "نص البيان الأول", "2024-05-01"),
        Fixtures.release("r2", "moi", "بيان ثان", "نص البيان الثاني", "2024-05-02")));
    try (Engine e = Engine.open(tmp.resolve("data"), Fixtures.analyzers(), true)) {
      assertEquals(2, index(e, f).added());
      IndexSummary again = index(e, f);
      assertEquals(0, again.added() + again.updated());
      assertEquals(2, again.unchanged());
      Fixtures.lines(f, List.of(
          Fixtures.release("r1", "moi", "بيان أول", "نص البيان الأول بعد التصحيح", "2024-05-01"),
          Fixtures.release("r2", "moi", "بيان ثان", "نص البيان الثاني", "2024-05-02")));
      IndexSummary edited = index(e, f);
      assertEquals(1, edited.updated());
      assertEquals(1, edited.unchanged());
      assertEquals(2, e.store.statementCount());
      assertEquals(1, hits(e, "التصحيح"));
      assertEquals(2, new SearchService(e.index, e.agencies::get).size());
    }
  }

  @Test
  void a_truncated_gzip_keeps_the_lines_before_the_damage() throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.agencies(in, "moi");
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      for (int i = 0; i < 200; i++) {
        out.write((Fixtures.release("r" + i, "moi", "عنوان " + i, "نص رقم " + i + " " + "كلمة ".repeat(50),
            "2024-05-01") + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] all = gz.toByteArray();
    Path f = in.resolve("cut.jsonl.gz");
    Files.write(f, java.util.Arrays.copyOf(all, all.length * 2 / 3));
    try (Engine e = Engine.open(tmp.resolve("data"), Fixtures.analyzers(), true)) {
      IndexSummary s = index(e, f);
      assertTrue(s.added() > 50, s.toString());
      assertEquals(1, s.rejected());
      assertTrue(s.rejections().getFirst().reason().contains("ends abruptly"), s.rejections().toString());
    }
  }

  @Test
  void the_index_is_clean_after_indexing() throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.agencies(in, "moi");
    Path f = Fixtures.lines(in.resolve("a.jsonl"), List.of(
        Fixtures.release("r1", "moi", "بيان", "نص", "2024-05-01")));
    try (Engine e = Engine.open(tmp.resolve("data"), Fixtures.analyzers(), true)) {
      index(e, f);
    }
    try (var dir = org.apache.lucene.store.FSDirectory.open(tmp.resolve("data/index"));
        CheckIndex check = new CheckIndex(dir)) {
      assertTrue(check.checkIndex().clean);
    }
  }
}
