package org.bayan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bayan.ingest.RejectsReport;
import org.bayan.ingest.push.ApiKeys;
import org.bayan.statement.Agency;
import org.bayan.store.AgencyRegistry;
import org.bayan.store.DataLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PushApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path data;
  Engine engine;
  Service service;
  String key;
  String mohKey;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    DataLayout layout = new DataLayout(data);
    new AgencyRegistry(layout.agenciesFile()).register(List.of(
        new Agency("moh", "وزارة الصحة", "Ministry of Health", "ministry", null),
        new Agency("mof", "وزارة المالية", "Ministry of Finance", "ministry", null)));
    ApiKeys keys = new ApiKeys(layout.apiKeysFile());
    key = keys.create("ops", null);
    mohKey = keys.create("moh", List.of("moh"));
    engine = Engine.open(data, Path.of("analyzers"), true);
    service = Service.start(engine, "127.0.0.1", 0,
        new Service.Options(Service.DEFAULT_LOG_ORIGIN, org.bayan.http.WebSettings.DEFAULT, 64 * 1024));
  }

  @AfterEach
  void stop() throws Exception {
    service.close();
    engine.close();
  }

  static String release(String id, String agency, String body) {
    return JSON.createObjectNode().put("id", id).put("agency", agency).put("title", "بيان " + id)
        .put("body", body).put("published_at", "2024-05-01T10:00:00+03:00").toString();
  }

  HttpResponse<String> post(String body, String contentType, String bearer) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/api/admin/releases"))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) b.header("Authorization", "Bearer " + bearer);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode search(String q) throws Exception {
    String url = "http://127.0.0.1:" + service.port() + "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  @Test
  void a_pushed_release_is_searchable_as_soon_as_it_is_acknowledged_and_a_repeat_changes_nothing() throws Exception {
    String r = release("moh-2024-001", "moh", "أعلنت وزارة الصحة عن حملة تطعيم شاملة ضد الحصبة");
    HttpResponse<String> res = post(r, "application/json", key);
    assertEquals(200, res.statusCode(), res.body());
    JsonNode body = JSON.readTree(res.body());
    assertEquals(1, body.get("accepted").asInt());
    assertEquals("accepted", body.at("/results/0/status").asText());
    assertEquals(1, body.at("/results/0/version").asInt());
    // No waiting: the answer came after the release was indexed.
    assertEquals("moh-2024-001", search("الحصبة").at("/hits/0/id").asText());

    JsonNode again = JSON.readTree(post(r, "application/json", key).body());
    assertEquals(0, again.get("accepted").asInt());
    assertEquals("unchanged", again.at("/results/0/status").asText());
    assertEquals(1, engine.store.versions("moh-2024-001").size());
  }

  @Test
  void a_batch_answers_per_record_and_quarantines_the_rejected_ones_with_their_raw_text() throws Exception {
    String bad = "{\"id\":\"moh-2\",\"agency\":\"moh\",\"body\":\"نص\"}"; // no published_at
    String array = "[" + release("moh-1", "moh", "first release text") + "," + bad + ","
        + release("mof-1", "mof", "budget statement") + "]";
    JsonNode res = JSON.readTree(post(array, "application/json; charset=utf-8", key).body());
    assertEquals(2, res.get("accepted").asInt());
    assertEquals(1, res.get("rejected").asInt());
    assertEquals(2, res.at("/results/1/index").asInt());
    assertEquals("rejected", res.at("/results/1/status").asText());
    assertTrue(res.at("/results/1/reason").asText().contains("published_at"), res.toString());

    String lines = release("moh-3", "moh", "third") + "\n{not json\n" + release("moh-4", "moh", "fourth") + "\n";
    JsonNode lr = JSON.readTree(post(lines, "application/x-ndjson", key).body());
    assertEquals(2, lr.get("accepted").asInt());
    assertEquals(2, lr.at("/results/1/index").asInt());
    assertTrue(lr.at("/results/1/reason").asText().startsWith("malformed JSON"), lr.toString());

    List<JsonNode> quarantine = new RejectsReport(new DataLayout(data).rejectsFile()).read();
    assertEquals(2, quarantine.size());
    assertEquals(bad, quarantine.get(0).get("raw").asText());
    assertEquals("push:ops", quarantine.get(0).get("source").asText());

    // Fixed and sent again, the quarantined record is accepted.
    String fixed = bad.replace("}", ",\"published_at\":\"2024-05-02\"}");
    assertEquals(1, JSON.readTree(post(fixed, "application/json", key).body()).get("accepted").asInt());
  }

  @Test
  void a_statement_republished_under_another_id_collapses_into_one_hit_over_http() throws Exception {
    String body = "قرر مجلس الوزراء اعتماد الميزانية العامة للدولة للعام المالي القادم";
    String batch = release("moh-dup-1", "moh", body) + "\n" + release("mof-dup-1", "mof", body + "  ") + "\n";
    assertEquals(2, JSON.readTree(post(batch, "application/x-ndjson", key).body()).get("accepted").asInt());
    JsonNode res = search("الميزانية العامة");
    assertEquals(1, res.get("hits").size(), res.toString());
    String shown = res.at("/hits/0/id").asText();
    String other = shown.equals("moh-dup-1") ? "mof-dup-1" : "moh-dup-1";
    assertEquals(other, res.at("/hits/0/also_published_by/0/id").asText());
    JsonNode statement = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + service.port() + "/api/statements/" + other)).build(), HttpResponse.BodyHandlers.ofString()).body());
    assertEquals(shown, statement.at("/duplicates/0/id").asText());
  }

  @Test
  void a_key_scoped_to_an_agency_cannot_push_for_another() throws Exception {
    JsonNode res = JSON.readTree(post(release("mof-9", "mof", "not theirs"), "application/json", mohKey).body());
    assertEquals("rejected", res.at("/results/0/status").asText());
    assertTrue(res.at("/results/0/reason").asText().contains("may not push"), res.toString());
  }

  @Test
  void missing_wrong_and_revoked_keys_get_401_json() throws Exception {
    String r = release("moh-x", "moh", "text");
    for (String bearer : new String[] {null, "bayan_not-a-key"}) {
      HttpResponse<String> res = post(r, "application/json", bearer);
      assertEquals(401, res.statusCode());
      assertEquals("unauthorized", JSON.readTree(res.body()).get("error").asText());
      assertTrue(JSON.readTree(res.body()).get("detail").asText().length() > 10);
    }
    new ApiKeys(new DataLayout(data).apiKeysFile()).revoke("ops");
    assertEquals(401, post(r, "application/json", key).statusCode());
    assertTrue(engine.store.versions("moh-x").isEmpty());
  }

  @Test
  void oversized_bodies_get_413_and_unknown_media_types_415() throws Exception {
    String huge = release("moh-big", "moh", "كلمة ".repeat(40_000));
    HttpResponse<String> res = post(huge, "application/json", key);
    assertEquals(413, res.statusCode(), res.body());
    assertEquals("payload_too_large", JSON.readTree(res.body()).get("error").asText());

    HttpResponse<String> xml = post("<release/>", "application/xml", key);
    assertEquals(415, xml.statusCode());
    assertEquals("unsupported_media_type", JSON.readTree(xml.body()).get("error").asText());

    HttpResponse<String> broken = post("[{\"id\":", "application/json", key);
    assertEquals(400, broken.statusCode());
    assertEquals("bad_request", JSON.readTree(broken.body()).get("error").asText());
    assertTrue(Files.exists(data.resolve("store")));
  }
}
