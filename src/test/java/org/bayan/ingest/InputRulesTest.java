package org.bayan.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.bayan.cli.Engine;
import org.bayan.ingest.push.ApiKeys;
import org.bayan.statement.ReleaseLimits;
import org.bayan.store.DataLayout;
import org.bayan.testing.Fixtures;
import org.bayan.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules every channel applies to what it is sent (release files, pushed JSON, arrays and NDJSON): one
 * reader, one validation whose limits come from what the index can hold.
 */
class InputRulesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  static String release(String id, String publishedAt) {
    return Fixtures.release(id, "moh", "بيان " + id, "نص البيان " + id + " marker" + id.replace("-", ""), publishedAt);
  }

  @Test
  void the_keyword_cap_is_far_below_the_index_term_limit() {
    assertEquals(IndexWriter.MAX_TERM_LENGTH, ReleaseLimits.INDEX_TERM_BYTES);
    // A char is at most 3 UTF-8 bytes, a surrogate pair 4 bytes for 2 chars.
    assertTrue(ReleaseLimits.MAX_KEYWORD_CHARS * 3L < ReleaseLimits.INDEX_TERM_BYTES / 8);
    assertTrue(ReleaseLimits.MAX_ID_CHARS * 3L < ReleaseLimits.INDEX_TERM_BYTES / 8);
  }

  @Test
  void values_the_index_cannot_hold_are_rejected_before_storing_and_the_folder_stays_usable() throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.agencies(in, "moh");
    String surrogate = "{\"id\":\"sur-1\",\"agency\":\"moh\",\"title\":\"a\\ud800b\",\"body\":\"نص\",\"published_at\":\"2024-05-01\"}";
    List<String> lines = List.of(
        release("good-1", "2024-05-01"),
        release("far-1", "+999999999-12-31T00:00:00Z"),
        release("far-2", "-999999999-01-01T00:00:00Z"),
        release("old-1", "1899-12-31"),
        release("new-1", "2201-01-01"),
        Fixtures.json(java.util.Map.of("id", "cat-1", "agency", "moh", "body", "نص", "published_at", "2024-05-01",
            "category", "c".repeat(1_000_000))),
        Fixtures.json(java.util.Map.of("id", "typ-1", "agency", "moh", "body", "نص", "published_at", "2024-05-01",
            "type", "ت".repeat(ReleaseLimits.MAX_KEYWORD_CHARS + 1))),
        Fixtures.json(java.util.Map.of("id", "tit-1", "agency", "moh", "body", "نص", "published_at", "2024-05-01",
            "title", "t".repeat(ReleaseLimits.MAX_TITLE_CHARS + 1))),
        surrogate,
        release(".", "2024-05-01"),
        release("..", "2024-05-01"),
        release("edge-1", "1900-01-01"),
        release("edge-2", "2200-12-31T23:59:59Z"),
        release("good-2", "2024-05-02"));
    Path f = Fixtures.lines(in.resolve("a.jsonl"), lines);
    Path data = tmp.resolve("data");
    IndexSummary s;
    try (Engine e = Engine.open(data, Fixtures.analyzers(), true)) {
      PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
      s = new Indexer(e.store, e.agencies, e.sync, new RejectsReport(e.layout.rejectsFile()),
          ReleaseParser.DEFAULT_MAX_BODY_CHARS, quiet, quiet, false).run(List.of(f));
    }
    assertEquals(4, s.added(), s.rejections().toString());
    assertEquals(10, s.rejected(), s.rejections().toString());
    java.util.Map<Long, String> byLine = new java.util.HashMap<>();
    for (Rejection r : s.rejections()) byLine.put(r.line(), r.reason());
    for (long l = 2; l <= 5; l++) assertTrue(byLine.get(l).contains("outside the years Bayan holds (1900-01-01 to 2200-12-31)"), byLine.get(l));
    assertTrue(byLine.get(6L).contains("'category' has 1000000 characters, over the limit of 256"), byLine.get(6L));
    assertTrue(byLine.get(7L).contains("'type'"), byLine.get(7L));
    assertTrue(byLine.get(8L).contains("'title'"), byLine.get(8L));
    assertTrue(byLine.get(9L).contains("unpaired surrogate"), byLine.get(9L));
    assertTrue(byLine.get(10L).contains("'.' and '..' are not ids"), byLine.get(10L));
    assertTrue(byLine.get(11L).contains("'.' and '..' are not ids"), byLine.get(11L));
    // Every rejection reached the quarantine, with the line as written.
    List<String> report = Files.readAllLines(data.resolve("rejects.jsonl"));
    assertEquals(10, report.size());
    assertEquals(surrogate, JSON.readTree(report.get(7)).get("raw").asText());

    // The folder opens again, reindexes, and later pushes are answered.
    try (Engine e = Engine.open(data, Fixtures.analyzers(), true)) {
      e.derived.deleteAll();
      assertEquals(4, e.sync.catchUpAndCommit());
    }
  }

  @Test
  void a_run_that_fails_part_way_still_keeps_its_rejections() throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.agencies(in, "moh");
    Path f = Fixtures.lines(in.resolve("a.jsonl"), List.of("{not json", release("ok-1", "2024-05-01")));
    Path data = tmp.resolve("data");
    Engine e = Engine.open(data, Fixtures.analyzers(), true);
    try {
      e.store.close(); // storing the good line now fails
      PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
      Indexer indexer = new Indexer(e.store, e.agencies, e.sync, new RejectsReport(e.layout.rejectsFile()),
          ReleaseParser.DEFAULT_MAX_BODY_CHARS, quiet, quiet, false);
      try {
        indexer.run(List.of(f));
        throw new AssertionError("stored into a closed store");
      } catch (RuntimeException | java.io.IOException expected) {
        // the run failed; what matters is what it kept
      }
      List<JsonNode> report = new RejectsReport(e.layout.rejectsFile()).read();
      assertEquals(1, report.size());
      assertEquals("{not json", report.getFirst().get("raw").asText());
    } finally {
      try {
        e.close();
      } catch (Exception ignored) {
        // the store was closed above
      }
    }
  }

  @Test
  void a_lone_cr_a_crlf_and_an_lf_each_end_a_record_and_a_bom_starts_a_file() throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.agencies(in, "moh");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    String text = release("r-1", "2024-05-01") + "\r" + release("r-2", "2024-05-01") + "\r\n"
        + release("r-3", "2024-05-01") + "\n\r\n" + release("r-4", "2024-05-01") + "\r";
    Path f = in.resolve("cr.jsonl");
    Files.write(f, concat(bom, text.getBytes(StandardCharsets.UTF_8)));
    List<RawRecord> got = new ArrayList<>();
    new ReleaseFiles(1 << 20).read(f, new ReleaseFiles.Sink() {
      @Override
      public void record(RawRecord r) {
        got.add(r);
      }

      @Override
      public void rejected(Rejection r) {
        throw new AssertionError(r.toString());
      }
    });
    assertEquals(List.of(1L, 2L, 3L, 5L), got.stream().map(RawRecord::line).toList());
    assertEquals(release("r-1", "2024-05-01"), new String(got.getFirst().bytes(), StandardCharsets.UTF_8));

    Path utf16 = in.resolve("utf16.jsonl");
    Files.write(utf16, (release("u-1", "2024-05-01") + "\n").getBytes(StandardCharsets.UTF_16LE));
    List<Rejection> rejected = new ArrayList<>();
    new ReleaseFiles(1 << 20).read(utf16, new ReleaseFiles.Sink() {
      @Override
      public void record(RawRecord r) {
        throw new AssertionError("a UTF-16 line was read as a record");
      }

      @Override
      public void rejected(Rejection r) {
        rejected.add(r);
      }
    });
    assertEquals(1, rejected.size());
    assertTrue(rejected.getFirst().reason().contains("not UTF-8"), rejected.toString());
  }

  @Test
  void past_the_json_reader_limits_a_record_is_rejected_alone_with_a_reason() throws Exception {
    ReleaseParser parser = new ReleaseParser(a -> true, ReleaseParser.DEFAULT_MAX_BODY_CHARS);
    String deep = "{\"id\":\"d\",\"agency\":\"moh\",\"body\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    String number = "{\"id\":\"n\",\"agency\":\"moh\",\"body\":" + "9".repeat(5_000) + "}";
    String string = "{\"id\":\"s\",\"agency\":\"moh\",\"body\":\"" + "x".repeat(30_000_000) + "\"}";
    for (String r : List.of(deep, number, string)) {
      try {
        parser.parse(r.getBytes(StandardCharsets.UTF_8));
        throw new AssertionError("accepted");
      } catch (InvalidRecordException e) {
        assertTrue(e.getMessage().startsWith("malformed JSON"), e.getMessage());
      }
    }
  }

  @Test
  void pushed_json_follows_the_same_rules_as_files_and_keeps_what_was_sent() throws Exception {
    Path data = tmp.resolve("data");
    Fixtures.agencies(data, "moh");
    String key = new ApiKeys(new DataLayout(data).apiKeysFile()).create("ops", null);
    try (TestServer server = TestServer.start(data)) {
      String dupKeys = "{\"id\":\"dup-1\",\"agency\":\"moh\",\"body\":\"a\",\"body\":\"b\",\"published_at\":\"2024-05-01\"}";
      String twoObjects = release("two-1", "2024-05-01") + release("two-2", "2024-05-01");
      String deep = "{\"id\":\"deep-1\",\"agency\":\"moh\",\"body\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
      String spaced = "{ \"id\" : \"sp-1\", \"agency\":\"moh\", \"body\":\"نص  marker\", \"published_at\":\"2024-05-01\" }";

      JsonNode one = push(server, key, "application/json", dupKeys).json();
      assertEquals("rejected", one.at("/results/0/status").asText(), one.toString());
      assertTrue(one.at("/results/0/reason").asText().contains("Duplicate field 'body'"), one.toString());

      JsonNode two = push(server, key, "application/json", twoObjects).json();
      assertEquals(1, two.get("rejected").asInt(), two.toString());
      assertTrue(two.at("/results/0/reason").asText().contains("more than one JSON value"), two.toString());

      TestServer.Response arr = push(server, key, "application/json",
          "[" + release("a-1", "2024-05-01") + "," + deep + "," + spaced + "," + release("a-2", "+999999999-12-31T00:00:00Z") + "]");
      assertEquals(200, arr.status(), arr.body());
      JsonNode a = arr.json();
      assertEquals(2, a.get("accepted").asInt(), a.toString());
      assertEquals(List.of(1L, 2L, 3L, 4L), index(a));
      assertTrue(a.at("/results/1/reason").asText().startsWith("malformed JSON"), a.toString());
      assertTrue(a.at("/results/3/reason").asText().contains("outside the years"), a.toString());

      for (String bad : List.of("[" + release("t-1", "2024-05-01") + "] ]]]", "", "  \n", "[]", "[" + release("u-1", "2024-05-01"))) {
        TestServer.Response r = push(server, key, "application/json", bad);
        assertEquals(400, r.status(), bad + " → " + r.body());
        assertTrue(r.json().get("detail").asText().contains("body"), r.body());
      }
      assertEquals(400, push(server, key, "application/x-ndjson", "\n\n").status());
      TestServer.Response utf16 = push(server, key, "application/json",
          ("[" + release("w-1", "2024-05-01") + "]").getBytes(StandardCharsets.UTF_16));
      assertEquals(400, utf16.status(), utf16.body());
      assertTrue(utf16.body().contains("not UTF-8"), utf16.body());
      assertEquals(404, server.get("/api/statements/t-1").status(), "nothing of a refused body is stored");

      JsonNode lines = push(server, key, "application/x-ndjson",
          release("n-1", "2024-05-01") + "\r" + twoObjects + "\r\n" + release("n-2", "2024-05-01")).json();
      assertEquals(2, lines.get("accepted").asInt(), lines.toString());
      assertEquals(List.of(1L, 2L, 3L), index(lines));

      // The quarantine holds each rejected record exactly as it was sent.
      List<String> raws = new ArrayList<>();
      for (JsonNode r : new RejectsReport(new DataLayout(data).rejectsFile()).read()) raws.add(r.path("raw").asText(null));
      assertTrue(raws.contains(dupKeys), raws.toString());
      assertTrue(raws.contains(twoObjects), raws.toString());
      assertTrue(raws.contains(deep), "the deep record");
      assertEquals(200, server.get("/api/statements/sp-1").status());
      assertEquals(1, server.get("/api/search?q=marker").json().get("total").asInt());
    }
  }

  @Test
  void dates_outside_the_held_years_and_thousands_of_filter_values_are_a_400_naming_the_parameter() throws Exception {
    Path data = tmp.resolve("data");
    Fixtures.agencies(data, "moh");
    try (TestServer server = TestServer.start(data)) {
      for (String q : List.of("to=-999999999-01-01T00:00:00Z", "from=%2B999999999-12-31T00:00:00Z", "from=1899-12-31",
          "to=2201-01-01")) {
        TestServer.Response r = server.get("/api/search?q=x&" + q);
        assertEquals(400, r.status(), q + " → " + r.body());
        assertTrue(r.json().get("detail").asText().contains("'" + q.substring(0, q.indexOf('=')) + "'"), r.body());
      }
      for (String name : List.of("agency", "type", "category")) {
        StringBuilder q = new StringBuilder("/api/search?q=x");
        for (int i = 0; i < 5_000; i++) q.append('&').append(name).append("=v").append(i);
        TestServer.Response r = server.send(HttpRequest.newBuilder(URI.create(server.base() + q)).GET().build());
        assertTrue(r.status() == 400 || r.status() == 414 || r.status() == 431, name + " → " + r.status() + " " + r.body());
        if (r.status() == 400) assertTrue(r.body().contains("'" + name + "'"), r.body());
        StringBuilder fewer = new StringBuilder("/api/search?q=x");
        for (int i = 0; i <= ReleaseLimits.MAX_FILTER_VALUES; i++) fewer.append('&').append(name).append('=').append(i);
        TestServer.Response f = server.get(fewer.toString());
        assertEquals(400, f.status(), name + " → " + f.body());
        assertTrue(f.body().contains("'" + name + "'"), f.body());
      }
      assertEquals(200, server.get("/api/search?q=x&from=1900-01-01&to=2200-12-31").status());
    }
  }

  private static List<Long> index(JsonNode result) {
    List<Long> out = new ArrayList<>();
    for (JsonNode r : result.get("results")) out.add(r.get("index").asLong());
    return out;
  }

  static TestServer.Response push(TestServer server, String key, String type, String body) throws Exception {
    return push(server, key, type, body.getBytes(StandardCharsets.UTF_8));
  }

  static TestServer.Response push(TestServer server, String key, String type, byte[] body) throws Exception {
    return server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/admin/releases"))
        .header("Content-Type", type).header("Authorization", "Bearer " + key)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
