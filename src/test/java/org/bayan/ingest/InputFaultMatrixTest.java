package org.bayan.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.bayan.cli.Engine;
import org.bayan.ingest.feed.FeedPoller;
import org.bayan.ingest.feed.FetchState;
import org.bayan.ingest.fetch.FetchException;
import org.bayan.ingest.fetch.FetchSettings;
import org.bayan.ingest.fetch.Fetcher;
import org.bayan.ingest.page.PageFetcher;
import org.bayan.ingest.push.ApiKeys;
import org.bayan.statement.Agency;
import org.bayan.statement.PageRules;
import org.bayan.statement.ReleaseLimits;
import org.bayan.store.AgencyRegistry;
import org.bayan.store.AppendResult;
import org.bayan.store.DataLayout;
import org.bayan.testing.Fixtures;
import org.bayan.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input fault matrix: for every release field, values at and past its limits (length, range, encoding,
 * type, nesting) are generated and sent through every channel the field can arrive by (a release file, a push
 * as a JSON object, as a JSON array and as NDJSON, an RSS/Atom feed, a release page), each bad record beside
 * good ones. For every record: rejected with a reason, or stored and searchable; the good records of the same
 * batch landed; no answer was a 5xx; and a fresh engine opens each data folder and rebuilds its index from the
 * store. The counts are printed (and kept in docs/operations.md, "Fault matrix: inputs").
 */
class InputFaultMatrixTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> FIELDS = List.of(
      "id", "agency", "title", "body", "language", "published_at", "source_url", "category", "type", "signature", "key_id");
  static final int MAX_BODY = ReleaseParser.DEFAULT_MAX_BODY_CHARS;

  @TempDir static Path tmp;
  static HttpServer web;
  static final Map<String, byte[]> served = new ConcurrentHashMap<>();
  static String base;
  static final Map<String, Integer> records = new LinkedHashMap<>();
  static final Map<String, Integer> rejected = new LinkedHashMap<>();
  static int reopened;
  static int searchRequests;

  /** One generated value for one field: its JSON text, and the string it holds when it is a string. */
  record Case(int n, String field, String label, String json, String text) {
    String id() {
      return field.equals("id") ? text : "fm-" + n;
    }

    String marker() {
      return "fmk" + n;
    }
  }

  /** What a channel made of one record. */
  record Outcome(String reason, String storedId) {}

  @BeforeAll
  static void serve() throws Exception {
    web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    web.createContext("/", ex -> {
      byte[] b = served.get(ex.getRequestURI().getPath());
      ex.getResponseHeaders().add("Content-Type",
          ex.getRequestURI().getPath().endsWith(".xml") ? "application/atom+xml; charset=utf-8" : "text/html; charset=utf-8");
      ex.sendResponseHeaders(b == null ? 404 : 200, b == null ? -1 : b.length);
      if (b != null) ex.getResponseBody().write(b);
      ex.close();
    });
    web.start();
    base = "http://127.0.0.1:" + web.getAddress().getPort();
  }

  @AfterAll
  static void report() {
    web.stop(0);
    int total = records.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf("input fault matrix: %d cases over %d fields; %d channels %s; %d records sent (%d rejected with a"
            + " reason, the rest stored and searchable); %d folders reopened and reindexed%n",
        cases().size(), FIELDS.size(), records.size(), records.keySet(), total,
        rejected.values().stream().mapToInt(Integer::intValue).sum(), reopened);
    System.out.printf("input fault matrix, search parameters: %d requests, none answered 5xx%n", searchRequests);
  }

  // ---- the cases ----

  static int limit(String field) {
    return switch (field) {
      case "id" -> ReleaseLimits.MAX_ID_CHARS;
      case "title" -> ReleaseLimits.MAX_TITLE_CHARS;
      case "body" -> MAX_BODY;
      case "source_url" -> ReleaseLimits.MAX_URL_CHARS;
      default -> ReleaseLimits.MAX_KEYWORD_CHARS;
    };
  }

  /** A string of exactly {@code length} characters that is a plausible value of the field. */
  static String fill(String field, int length) {
    String prefix = switch (field) {
      case "source_url" -> "https://moh.example.gov/";
      case "id" -> "fm-";
      default -> "";
    };
    String unit = field.equals("id") || field.equals("source_url") ? "x" : "بx";
    StringBuilder sb = new StringBuilder(prefix);
    while (sb.length() < length) sb.append(unit);
    sb.setLength(length);
    return sb.toString();
  }

  private static List<Case> cases;

  static synchronized List<Case> cases() {
    if (cases == null) cases = generate();
    return cases;
  }

  private static List<Case> generate() {
    List<String[]> values = new ArrayList<>(); // field, label, json
    for (String f : FIELDS) {
      int lim = limit(f);
      List<String[]> strings = new ArrayList<>(List.of(
          new String[] {"empty", ""}, new String[] {"blank", "   "},
          new String[] {"at limit", fill(f, lim)}, new String[] {"past limit", fill(f, lim + 1)},
          new String[] {"huge", fill(f, Math.max(300_000, lim * 2))},
          new String[] {"emoji", f.equals("source_url") ? "https://moh.example.gov/😀" : "😀 نص"},
          new String[] {"combining and rtl marks", "بِسْمِ\u200f\u202e"}));
      switch (f) {
        case "id" -> {
          for (String v : List.of(".", "..", "a/b", "fm-ok:1_x.y")) strings.add(new String[] {"id " + v, v});
        }
        case "agency" -> {
          strings.add(new String[] {"registered", "moh"});
          strings.add(new String[] {"unknown", "nobody"});
        }
        case "language" -> {
          for (String v : List.of("ar", "en", "fr", "EN")) strings.add(new String[] {"language " + v, v});
        }
        case "published_at" -> {
          for (String v : List.of("1899-12-31", "1900-01-01", "2200-12-31", "2201-01-01", "1900-01-01T00:30:00+01:00",
              "+999999999-12-31T00:00:00Z", "-999999999-01-01T00:00:00Z", "0000-01-01", "2024-02-30",
              "2024-05-01T10:00:00+18:00", "2024-05-01T10:00:00", "2024-05-01T10:00:00.123456789Z", "9999-12-31")) {
            strings.add(new String[] {"date " + v, v});
          }
        }
        case "source_url" -> {
          for (String v : List.of("javascript:alert(1)", "http://", "ftp://moh.example.gov/x", "https://موقع.example/بيان ١")) {
            strings.add(new String[] {"url " + v, v});
          }
        }
        default -> { }
      }
      for (String[] s : strings) values.add(new String[] {f, s[0], JSON.valueToTree(s[1]).toString(), s[1]});
      // Encodings no UTF-8 text can hold, written as JSON escapes.
      values.add(new String[] {f, "lone high surrogate", "\"a\\ud800b\"", "a\ud800b"});
      values.add(new String[] {f, "lone low surrogate", "\"\\udc00\"", "\udc00"});
      values.add(new String[] {f, "NUL", "\"a\\u0000b\"", "a\u0000b"});
      // Types and nesting.
      for (String[] t : List.of(new String[] {"number", "123"}, new String[] {"huge number", "9".repeat(5_000)},
          new String[] {"float", "-1.5e308"}, new String[] {"boolean", "true"}, new String[] {"null", "null"},
          new String[] {"array", "[\"x\"]"}, new String[] {"object", "{\"k\":\"v\"}"},
          new String[] {"nesting 2000", "[".repeat(2_000) + "]".repeat(2_000)},
          new String[] {"nesting 100000", "[".repeat(100_000) + "]".repeat(100_000)})) {
        values.add(new String[] {f, t[0], t[1], null});
      }
    }
    List<Case> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String[] v = values.get(i);
      out.add(new Case(i, v[0], v[1], v[2], v[3]));
    }
    return out;
  }

  static String words(Random r, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) sb.append(i == 0 ? "" : " ").append("w").append(Integer.toString(r.nextInt(1 << 20), 36));
    return sb.toString();
  }

  /** The record of a case as sent: a valid release with the case's value in its field. */
  static String record(Case c) {
    Random r = new Random(c.n());
    Map<String, String> f = new LinkedHashMap<>();
    f.put("id", JSON.valueToTree("fm-" + c.n()).toString());
    f.put("agency", "\"moh\"");
    f.put("title", JSON.valueToTree("Statement " + c.marker() + " " + words(r, 3)).toString());
    f.put("body", JSON.valueToTree("The ministry announced " + c.marker() + " " + words(r, 12)).toString());
    f.put("published_at", "\"2024-05-01T10:00:00+03:00\"");
    f.put(c.field(), c.json());
    StringBuilder sb = new StringBuilder("{");
    f.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
    return sb.append('}').toString();
  }

  static String good(int n) {
    Random r = new Random(1_000_000 + n);
    return Fixtures.release("good-" + n, "moh", "Good gmk" + n + " " + words(r, 3),
        "A good release gmk" + n + " " + words(r, 15), "2024-06-01");
  }

  static Path folder(String channel) throws Exception {
    Path data = tmp.resolve(channel);
    DataLayout layout = new DataLayout(data);
    Files.createDirectories(data);
    List<String> feeds = FIELDS.stream().map(f -> base + "/feed/" + channel + "-" + f + ".xml").toList();
    new AgencyRegistry(layout.agenciesFile()).register(List.of(new Agency("moh", "وزارة الصحة", "Ministry of Health",
        "ministry", "https://moh.example.gov", feeds, new PageRules(List.of(base + "/page/"), null, null, null))));
    return data;
  }

  // ---- checks shared by every channel ----

  /**
   * Every record was rejected with a reason or is stored and searchable; every good record landed; then a fresh
   * engine opens the folder and rebuilds the index from the store.
   */
  static void verify(String channel, Path data, Map<String, Outcome> outcomes, List<String> goodIds) throws Exception {
    int rejects = 0;
    // A fresh engine opens the folder and rebuilds the index from the store; what follows is checked on it.
    try (TestServer server = TestServer.start(data)) {
      long versions = server.engine.store.lastSeq();
      server.engine.derived.deleteAll();
      assertEquals(versions, server.engine.sync.catchUpAndCommit(), channel + ": reindex rebuilt every stored version");
      java.util.Set<String> listed = listed(server);
      for (var e : outcomes.entrySet()) {
        Outcome o = e.getValue();
        if (o.reason() != null) {
          assertFalse(o.reason().isBlank(), channel + " " + e.getKey() + ": rejected without a reason");
          rejects++;
          continue;
        }
        assertTrue(listed.contains(o.storedId()), channel + " " + e.getKey() + ": accepted as " + o.storedId()
            + " but not among the statements a search lists");
        if (e.getKey().startsWith("good-")) continue;
        Case c = cases().get(Integer.parseInt(e.getKey()));
        assertFalse(mustReject(channel, c), channel + ": " + c.field() + " " + c.label() + " is outside the limits but was accepted");
        TestServer.Response st = server.get("/api/statements/" + TestServer.enc(o.storedId()).replace("+", "%20"));
        assertEquals(200, st.status(), channel + " " + e.getKey() + ": accepted as " + o.storedId() + " but not stored: " + st.body());
        assertTrue(found(server, "fmk" + e.getKey(), o.storedId()), channel + " " + e.getKey() + ": stored but not found by its text");
      }
      for (String id : goodIds) {
        assertTrue(listed.contains(id), channel + ": good record " + id + " did not land");
      }
    }
    records.put(channel, outcomes.size());
    rejected.put(channel, rejects);
    try (var dir = FSDirectory.open(new DataLayout(data).indexDir()); CheckIndex check = new CheckIndex(dir)) {
      assertTrue(check.checkIndex().clean, channel + ": index clean after reindex");
    }
    reopened++;
  }

  /**
   * Values the limits exclude, whichever channel brought them: text that is not Unicode, a field past its
   * length, a date outside the years held, the ids '.' and '..'. (A feed makes its ids from the item's guid.)
   */
  static boolean mustReject(String channel, Case c) {
    if (c.text() == null) return false;
    if (ReleaseLimits.loneSurrogate(c.text()) >= 0) return true;
    if (channel.equals("feed") && c.field().equals("id")) return false;
    if (c.label().equals("past limit") || c.label().equals("huge")) return true;
    if (c.field().equals("id") && (c.text().equals(".") || c.text().equals(".."))) return true;
    return c.field().equals("published_at") && List.of("1899-12-31", "2201-01-01", "+999999999-12-31T00:00:00Z",
        "-999999999-01-01T00:00:00Z", "0000-01-01", "1900-01-01T00:30:00+01:00").contains(c.text());
  }

  /** Every statement a search without text lists, page by page, with those folded into a hit as duplicates. */
  static java.util.Set<String> listed(TestServer server) throws Exception {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int page = 1; ; page++) {
      TestServer.Response r = server.get("/api/search?size=100&page=" + page);
      assertEquals(200, r.status(), r.body());
      JsonNode hits = r.json().path("hits");
      for (JsonNode h : hits) {
        ids.add(h.path("id").asText());
        for (JsonNode d : h.path("also_published_by")) ids.add(d.path("id").asText());
      }
      if (hits.size() < 100) return ids;
    }
  }

  static boolean found(TestServer server, String marker, String id) throws Exception {
    TestServer.Response r = server.get("/api/search?size=20&q=" + marker);
    assertTrue(r.status() < 500, r.body());
    for (JsonNode h : r.json().path("hits")) {
      if (id.equals(h.path("id").asText())) return true;
      for (JsonNode d : h.path("also_published_by")) if (id.equals(d.path("id").asText())) return true;
    }
    return false;
  }

  static Outcome outcomeOf(JsonNode result) {
    String status = result.path("status").asText();
    if (status.equals("rejected")) return new Outcome(result.path("reason").asText(""), null);
    return new Outcome(null, result.path("id").asText());
  }

  static String key(Case c) {
    return String.valueOf(c.n());
  }

  // ---- channels ----

  @Test
  void a_release_file() throws Exception {
    Path data = folder("file");
    List<Case> cases = cases();
    List<String> lines = new ArrayList<>();
    List<String> goods = new ArrayList<>();
    for (Case c : cases) {
      lines.add(record(c));
      lines.add(good(c.n()));
      goods.add("good-" + c.n());
    }
    Path file = Fixtures.lines(tmp.resolve("in/matrix.jsonl"), lines);
    try (Engine e = Engine.open(data, Fixtures.analyzers(), true)) {
      PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
      new Indexer(e.store, e.agencies, e.sync, new RejectsReport(e.layout.rejectsFile()), MAX_BODY, quiet, quiet, false)
          .run(List.of(file));
    }
    Map<Long, String> reasons = new HashMap<>();
    for (JsonNode r : new RejectsReport(new DataLayout(data).rejectsFile()).read()) {
      reasons.put(r.path("line").asLong(), r.path("reason").asText(""));
    }
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      outcomes.put(key(c), new Outcome(reasons.get(2L * i + 1), c.id()));
      assertFalse(reasons.containsKey(2L * i + 2), "good line " + (2 * i + 2) + ": " + reasons.get(2L * i + 2));
      outcomes.put("good-" + c.n(), new Outcome(null, "good-" + c.n()));
    }
    verify("file", data, outcomes, goods);
  }

  enum Push { OBJECT, ARRAY, NDJSON }

  @Test
  void a_push_as_one_json_object_each() throws Exception {
    push(Push.OBJECT);
  }

  @Test
  void a_push_as_a_json_array() throws Exception {
    push(Push.ARRAY);
  }

  @Test
  void a_push_as_ndjson() throws Exception {
    push(Push.NDJSON);
  }

  void push(Push how) throws Exception {
    String channel = "push-" + how.name().toLowerCase();
    Path data = folder(channel);
    String apiKey = new ApiKeys(new DataLayout(data).apiKeysFile()).create("ops", null);
    List<Case> cases = cases();
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    List<String> goods = new ArrayList<>();
    try (TestServer server = TestServer.start(data)) {
      if (how == Push.OBJECT) {
        for (Case c : cases) {
          JsonNode res = send(server, apiKey, "application/json", record(c));
          outcomes.put(key(c), outcomeOf(res.at("/results/0")));
        }
        List<String> batch = new ArrayList<>();
        for (Case c : cases) batch.add(good(c.n()));
        JsonNode res = send(server, apiKey, "application/json", "[" + String.join(",", batch) + "]");
        assertEquals(cases.size(), res.get("accepted").asInt(), res.toString());
        for (Case c : cases) {
          goods.add("good-" + c.n());
          outcomes.put("good-" + c.n(), new Outcome(null, "good-" + c.n()));
        }
      } else {
        // Batches of a few megabytes, each bad record between two good ones.
        List<List<Case>> chunks = new ArrayList<>();
        List<Case> chunk = new ArrayList<>();
        long bytes = 0;
        for (Case c : cases) {
          chunk.add(c);
          bytes += c.json().length();
          if (bytes > 4_000_000) {
            chunks.add(chunk);
            chunk = new ArrayList<>();
            bytes = 0;
          }
        }
        if (!chunk.isEmpty()) chunks.add(chunk);
        for (List<Case> part : chunks) {
          List<String> recs = new ArrayList<>();
          for (Case c : part) {
            recs.add(record(c));
            recs.add(good(c.n()));
          }
          String body = how == Push.ARRAY ? "[\n" + String.join(",\n", recs) + "\n]" : String.join("\n", recs) + "\n";
          JsonNode res = send(server, apiKey, how == Push.ARRAY ? "application/json" : "application/x-ndjson", body);
          assertEquals(2 * part.size(), res.get("results").size(), "one result per record");
          for (int i = 0; i < part.size(); i++) {
            Case c = part.get(i);
            assertEquals(2L * i + 1, res.at("/results/" + 2 * i + "/index").asLong());
            outcomes.put(key(c), outcomeOf(res.at("/results/" + 2 * i)));
            JsonNode g = res.at("/results/" + (2 * i + 1));
            assertEquals("accepted", g.path("status").asText(), "good record beside case " + c + ": " + g);
            goods.add("good-" + c.n());
            outcomes.put("good-" + c.n(), new Outcome(null, "good-" + c.n()));
          }
        }
      }
    }
    verify(channel, data, outcomes, goods);
  }

  static JsonNode send(TestServer server, String key, String type, String body) throws Exception {
    TestServer.Response r = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/admin/releases"))
        .header("Content-Type", type).header("Authorization", "Bearer " + key)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    assertTrue(r.status() < 500, "5xx answered: " + r.status() + " " + r.body());
    assertEquals(200, r.status(), r.body().length() > 500 ? r.body().substring(0, 500) : r.body());
    return r.json();
  }

  /** Feeds carry text: id (guid), title, body, published_at and source_url (link); XML cannot carry every value. */
  @Test
  void a_feed() throws Exception {
    String channel = "feed";
    Path data = folder(channel);
    List<String> feedFields = List.of("id", "title", "body", "published_at", "source_url");
    Map<String, Case> byId = new HashMap<>();
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    List<String> goods = new ArrayList<>();
    for (String field : feedFields) {
      StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>moh</title><id>urn:moh</id><updated>2024-05-01T00:00:00Z</updated>");
      for (Case c : cases()) {
        if (!c.field().equals(field) || c.text() == null || !xmlText(c.text())) continue;
        Random r = new Random(c.n());
        String guid = field.equals("id") ? c.text() : "fm-" + c.n();
        if (guid.isBlank()) continue; // the item's id is then made of its link: a case of source_url, not of id
        String title = field.equals("title") ? c.text() : "Statement " + c.marker() + " " + words(r, 3);
        String body = field.equals("body") ? c.text() : "The ministry announced " + c.marker() + " " + words(r, 12);
        String date = field.equals("published_at") ? c.text() : "2024-05-01T10:00:00Z";
        String link = field.equals("source_url") ? c.text() : "https://moh.example.gov/" + c.n();
        xml.append(entry(guid, title, body, date, link));
        byId.put(guid, c);
        Random g = new Random(1_000_000 + c.n());
        xml.append(entry("good-" + c.n(), "Good gmk" + c.n() + " " + words(g, 3), "A good release gmk" + c.n() + " " + words(g, 15),
            "2024-06-01T00:00:00Z", "https://moh.example.gov/good/" + c.n()));
        goods.add(ReleaseIds.of("moh", "good-" + c.n()));
        outcomes.put("good-" + c.n(), new Outcome(null, ReleaseIds.of("moh", "good-" + c.n())));
        outcomes.put(key(c), null);
      }
      served.put("/feed/" + channel + "-" + field + ".xml", xml.append("</feed>").toString().getBytes(StandardCharsets.UTF_8));
    }
    List<FeedPoller.FeedResult> results;
    try (Engine e = Engine.open(data, Fixtures.analyzers(), true)) {
      FetchSettings s = FetchSettings.defaults().withAllowPrivateAddresses(true)
          .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)).withPerHostDelay(Duration.ZERO);
      results = new FeedPoller(e.store, e.agencies, e.sync, new RejectsReport(e.layout.rejectsFile()), new Fetcher(s),
          new FetchState(data.resolve("fetch-state.json")), MAX_BODY).pollAll("moh");
    }
    for (FeedPoller.FeedResult r : results) {
      if (r.url().contains("/" + channel + "-") && served.containsKey(URI.create(r.url()).getPath())) {
        assertEquals(null, r.error(), r.toString());
      }
    }
    // An item's rejection names its place in the feed; the rest were stored under the id made of their guid.
    Map<String, String> reasons = new HashMap<>();
    for (JsonNode r : new RejectsReport(new DataLayout(data).rejectsFile()).read()) {
      reasons.put(r.path("source").asText() + "#" + r.path("line").asLong(), r.path("reason").asText(""));
    }
    for (String field : feedFields) {
      int item = 0;
      for (Case c : cases()) {
        if (!c.field().equals(field) || c.text() == null || !xmlText(c.text())) continue;
        if (field.equals("id") && c.text().isBlank()) continue;
        item += 2;
        String reason = reasons.get(base + "/feed/" + channel + "-" + field + ".xml#" + (item - 1));
        String guid = field.equals("id") ? c.text() : "fm-" + c.n();
        outcomes.put(key(c), new Outcome(reason, reason == null ? ReleaseIds.of("moh", guid.strip()) : null));
        assertEquals(null, reasons.get(base + "/feed/" + channel + "-" + field + ".xml#" + item), "good item beside " + c);
      }
    }
    verify(channel, data, outcomes, goods);
  }

  static String entry(String guid, String title, String body, String date, String link) {
    return "<entry><id>" + esc(guid) + "</id><title>" + esc(title) + "</title><link href=\"" + esc(link) + "\"/>"
        + "<published>" + esc(date) + "</published><updated>" + esc(date) + "</updated><content type=\"text\">" + esc(body)
        + "</content></entry>";
  }

  static boolean xmlText(String s) {
    return s.chars().allMatch(ch -> ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') && ReleaseLimits.loneSurrogate(s) < 0;
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** A release page carries title, body and published_at (article:published_time). */
  @Test
  void a_release_page() throws Exception {
    String channel = "page";
    Path data = folder(channel);
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    List<String> goods = new ArrayList<>();
    try (Engine e = Engine.open(data, Fixtures.analyzers(), true)) {
      FetchSettings s = FetchSettings.defaults().withAllowPrivateAddresses(true)
          .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)).withPerHostDelay(Duration.ZERO);
      int fetched = 0;
      PageFetcher pages = new PageFetcher(e.store, e.agencies, e.sync, new RejectsReport(e.layout.rejectsFile()),
          new Fetcher(s), MAX_BODY);
      for (Case c : cases()) {
        if (!List.of("title", "body", "published_at").contains(c.field()) || c.text() == null) continue;
        Random r = new Random(c.n());
        String title = c.field().equals("title") ? c.text() : "Statement " + c.marker() + " " + words(r, 3);
        String body = c.field().equals("body") ? c.text() : "The ministry announced " + c.marker() + " " + words(r, 12);
        String date = c.field().equals("published_at") ? c.text() : "2024-05-01T10:00:00Z";
        String url = base + "/page/fm-" + c.n();
        served.put("/page/fm-" + c.n(), page(title, body, date));
        outcomes.put(key(c), fetch(pages, url));
        // Each page is its own batch: a good page after every few shows the channel still takes releases.
        if (++fetched % 3 != 0) continue;
        Random g = new Random(1_000_000 + c.n());
        String goodUrl = base + "/page/good-" + c.n();
        served.put("/page/good-" + c.n(), page("Good gmk" + c.n() + " " + words(g, 3),
            "A good release gmk" + c.n() + " " + words(g, 15), "2024-06-01T00:00:00Z"));
        Outcome good = fetch(pages, goodUrl);
        assertEquals(null, good.reason(), "good page beside " + c);
        goods.add(good.storedId());
        outcomes.put("good-" + c.n(), good);
      }
    }
    verify(channel, data, outcomes, goods);
  }

  static Outcome fetch(PageFetcher pages, String url) {
    try {
      AppendResult a = pages.fetch(url, "moh");
      return new Outcome(null, a.version().id());
    } catch (InvalidRecordException | FetchException ex) {
      return new Outcome(ex.getMessage() == null ? "" : ex.getMessage(), null);
    }
  }

  // Control characters cannot be written into HTML as they are; a page would carry them as references.
  static byte[] page(String title, String body, String date) {
    String html = "<!doctype html><html lang=\"en\"><head><title>" + ref(esc(title)) + "</title>"
        + "<meta property=\"article:published_time\" content=\"" + ref(esc(date)) + "\"></head><body><article><p>"
        + ref(esc(body)) + "</p></article></body></html>";
    return html.getBytes(StandardCharsets.UTF_8);
  }

  static String ref(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      if (pair) {
        sb.append(c).append(s.charAt(++i));
      } else if (c < 0x20 && c != '\n' || Character.isSurrogate(c)) {
        sb.append("&#x").append(Integer.toHexString(c)).append(';');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * The search side of the same limits: every filter and paging parameter, with values past its range (dates
   * beyond the years held, numbers past an int, invalid UTF-8, NUL, huge, a filter repeated 150 times),
   * through every endpoint that takes them. A 400 names the parameter; nothing answers 5xx.
   */
  @Test
  void search_parameters() throws Exception {
    Path data = folder("search");
    Path in = Fixtures.lines(tmp.resolve("in/search.jsonl"), List.of(good(1), good(2)));
    try (Engine e = Engine.open(data, Fixtures.analyzers(), true)) {
      PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
      new Indexer(e.store, e.agencies, e.sync, new RejectsReport(e.layout.rejectsFile()), MAX_BODY, quiet, quiet, false)
          .run(List.of(in));
    }
    List<String> params = List.of("q", "agency", "type", "category", "lang", "status", "from", "to", "sort", "page", "size", "cursor");
    List<String> values = List.of("", "x".repeat(3_000), "%ED%A0%80", "%00", "%FF%FE", "-999999999-01-01T00:00:00Z",
        "%2B999999999-12-31T00:00:00Z", "1899-12-31", "2201-01-01", "2200-12-31", "99999999999999999999", "-1", "0",
        "%3Cscript%3E", "a%2Cb%2Cc");
    Map<String, List<String>> endpoints = new LinkedHashMap<>();
    for (String e : List.of("/api/search", "/api/search.atom", "/", "/embed")) endpoints.put(e, params);
    endpoints.put("/api/claims/lookup", List.of("text", "lang", "agency", "from", "to", "type", "limit"));
    try (TestServer server = TestServer.start(data)) {
      for (String endpoint : endpoints.keySet()) {
        String base = endpoint.startsWith("/api/claims") ? "text=good" : "q=good";
        for (String p : endpoints.get(endpoint)) {
          List<String> queries = new ArrayList<>();
          for (String v : values) queries.add(p + "=" + v);
          StringBuilder many = new StringBuilder();
          for (int i = 0; i <= ReleaseLimits.MAX_FILTER_VALUES + 50; i++) many.append(i == 0 ? "" : "&").append(p).append("=v").append(i);
          queries.add(many.toString());
          for (String q : queries) {
            TestServer.Response r = server.get(endpoint + "?" + (p.equals("q") || p.equals("text") ? "" : base + "&") + q);
            searchRequests++;
            assertTrue(r.status() < 500, endpoint + "?" + abbreviate(q) + " answered " + r.status() + ": " + abbreviate(r.body()));
            if (r.status() == 400 && endpoint.startsWith("/api/")) {
              assertTrue(r.json().path("detail").asText().contains("'" + p + "'"), endpoint + "?" + abbreviate(q) + ": " + r.body());
            }
          }
        }
      }
    }
  }

  static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }
}
