package org.bayan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bayan.http.LimitSettings;
import org.bayan.http.WebSettings;
import org.bayan.ingest.push.ApiKey;
import org.bayan.ingest.push.ApiKeys;
import org.bayan.statement.Agency;
import org.bayan.store.AgencyRegistry;
import org.bayan.store.DataLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** API key scopes on the write and admin endpoints, and the per-client rate limit, over real HTTP. */
class KeysAndLimitsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path data;
  Engine engine;
  Service service;
  final HttpClient http = HttpClient.newHttpClient();

  void start(LimitSettings limits) throws Exception {
    new AgencyRegistry(new DataLayout(data).agenciesFile()).register(List.of(
        new Agency("moh", "وزارة الصحة", "Ministry of Health", "ministry", null)));
    engine = Engine.open(data, Path.of("analyzers"), true);
    service = Service.start(engine, "127.0.0.1", 0,
        new Service.Options(Service.DEFAULT_LOG_ORIGIN, WebSettings.DEFAULT, 64 * 1024, limits, 2_000));
  }

  @AfterEach
  void stop() throws Exception {
    if (service != null) service.close();
    if (engine != null) engine.close();
  }

  HttpResponse<String> send(String method, String path, String bearer, String header, String value) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
        .method(method, method.equals("POST")
            ? HttpRequest.BodyPublishers.ofString(PushApiTest.release("moh-1", "moh", "نص البيان"))
            : HttpRequest.BodyPublishers.noBody())
        .header("Content-Type", "application/json");
    if (bearer != null) b.header("Authorization", "Bearer " + bearer);
    if (header != null) b.header(header, value);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void write_and_admin_endpoints_need_a_key_with_the_right_scope_and_search_needs_none() throws Exception {
    ApiKeys keys = new ApiKeys(new DataLayout(data).apiKeysFile());
    String ingest = keys.create("feeder", null, List.of(ApiKey.INGEST));
    String admin = keys.create("operator", null, List.of(ApiKey.ADMIN));
    start(LimitSettings.NONE);

    HttpResponse<String> none = send("POST", "/api/admin/releases", null, null, null);
    assertEquals(401, none.statusCode());
    assertEquals("unauthorized", JSON.readTree(none.body()).get("error").asText());
    assertEquals(401, send("POST", "/api/admin/releases", "bayan_not-a-key", null, null).statusCode());

    HttpResponse<String> wrongScope = send("POST", "/api/admin/releases", admin, null, null);
    assertEquals(403, wrongScope.statusCode(), wrongScope.body());
    JsonNode err = JSON.readTree(wrongScope.body());
    assertEquals("forbidden", err.get("error").asText());
    assertTrue(err.get("detail").asText().contains("scope 'ingest'"), err.toString());

    assertEquals(200, send("POST", "/api/admin/releases", ingest, null, null).statusCode());
    // An admin operation that does not exist reaches no handler, whatever the key: there is nothing to check.
    assertEquals(404, send("POST", "/api/admin/anything", null, null, null).statusCode());
    assertEquals(404, send("POST", "/api/admin/anything", admin, null, null).statusCode());

    assertEquals(200, send("GET", "/api/search?q=%D8%A7%D9%84%D8%A8%D9%8A%D8%A7%D9%86", null, null, null).statusCode());
  }

  @Test
  void keys_created_on_the_command_line_carry_their_scopes_and_old_keys_keep_ingest() throws Exception {
    Path file = new DataLayout(data).apiKeysFile();
    int rc = new CommandLine(new BayanCommand()).execute("api-keys", "create", "ops", "--scope", "admin", "--data", data.toString());
    assertEquals(0, rc);
    assertEquals(List.of("admin"), new ApiKeys(file).list().getFirst().scopes());
    assertEquals(2, new CommandLine(new BayanCommand()).execute("api-keys", "create", "x", "--scope", "root", "--data", data.toString()));

    // A key file written before scopes existed: its keys could only push, and still can.
    Files.writeString(file, "[{\"name\":\"old\",\"sha256\":\"" + "a".repeat(64) + "\",\"created_at\":\"2024-01-01T00:00:00Z\"}]");
    assertEquals(List.of(ApiKey.INGEST), new ApiKeys(file).list().getFirst().scopes());
  }

  @Test
  void a_client_over_the_rate_limit_gets_429_with_retry_after_and_others_are_unaffected() throws Exception {
    start(new LimitSettings(1, 3, "X-Forwarded-For"));
    for (int i = 0; i < 3; i++) assertEquals(200, send("GET", "/api/agencies", null, "X-Forwarded-For", "10.0.0.1").statusCode());
    HttpResponse<String> limited = send("GET", "/api/agencies", null, "X-Forwarded-For", "10.0.0.1");
    assertEquals(429, limited.statusCode());
    assertTrue(Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow()) >= 1);
    JsonNode err = JSON.readTree(limited.body());
    assertEquals("rate_limited", err.get("error").asText());
    assertTrue(err.get("detail").asText().contains("1 requests/s per client"), err.toString());
    // The proxy appends the address it saw; what the client wrote before it does not make a new identity.
    assertEquals(429, send("GET", "/api/search?q=x", null, "X-Forwarded-For", "1.2.3.4, 10.0.0.1").statusCode());
    assertEquals(200, send("GET", "/api/agencies", null, "X-Forwarded-For", "10.0.0.2").statusCode());
    assertEquals(200, send("GET", "/healthz", null, "X-Forwarded-For", "10.0.0.1").statusCode());
  }

  @Test
  void guessing_admin_keys_is_rate_limited_and_an_agency_with_a_key_is_not() throws Exception {
    start(new LimitSettings(1, 2, null));
    String key = new ApiKeys(new DataLayout(data).apiKeysFile()).create("moh-push", null, List.of(ApiKey.INGEST));
    int limited = 0;
    for (int i = 0; i < 5; i++) {
      int status = send("POST", "/api/admin/releases", "guess-" + i, null, null).statusCode();
      assertTrue(status == 401 || status == 429, "status " + status);
      if (status == 429) limited++;
    }
    assertTrue(limited >= 2, "wrong keys were not rate limited");
    for (int i = 0; i < 5; i++) {
      assertEquals(200, send("POST", "/api/admin/releases", key, null, null).statusCode(), "push " + i);
    }
  }

  @Test
  void without_a_client_ip_header_setting_a_forged_header_does_not_escape_the_limit() throws Exception {
    start(new LimitSettings(1, 2, null));
    int limited = 0;
    for (int i = 0; i < 5; i++) {
      if (send("GET", "/api/agencies", null, "X-Forwarded-For", "10.9.9." + i).statusCode() == 429) limited++;
    }
    assertTrue(limited >= 2, "forged X-Forwarded-For values were taken as distinct clients");
  }

  @Test
  void metrics_need_an_admin_key_and_report_routes_statuses_ingest_and_sizes_in_prometheus_format() throws Exception {
    ApiKeys keys = new ApiKeys(new DataLayout(data).apiKeysFile());
    String ingest = keys.create("feeder", null, List.of(ApiKey.INGEST));
    String admin = keys.create("operator", null, List.of(ApiKey.ADMIN));
    start(new LimitSettings(1, 1, "X-Forwarded-For"));
    assertEquals(200, send("POST", "/api/admin/releases", ingest, null, null).statusCode());
    send("GET", "/api/statements/moh-1", null, null, null);
    send("GET", "/api/statements/moh-1", null, null, null); // over the limit: 429
    // Without a key, a scrape is a request like any other: it draws from the client's bucket.
    assertEquals(429, send("GET", "/metrics", null, null, null).statusCode());
    assertEquals(401, send("GET", "/metrics", null, "X-Forwarded-For", "10.0.0.7").statusCode());
    assertEquals(403, send("GET", "/metrics", ingest, null, null).statusCode());
    HttpResponse<String> m = send("GET", "/metrics", admin, null, null);
    assertEquals(200, m.statusCode());
    assertTrue(m.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
    String text = m.body();
    // The route template, never the raw path with its id.
    assertTrue(text.contains("route=\"/api/statements/{id}\""), text);
    assertTrue(!text.contains("moh-1"), "a raw path reached the metrics");
    assertTrue(text.lines().anyMatch(l -> l.startsWith("bayan_http_requests_seconds_count") && l.contains("status=\"429\"")
        && l.contains("outcome=\"rate_limited\"")), text);
    assertTrue(text.lines().anyMatch(l -> l.startsWith("bayan_ingest_records_total") && l.contains("result=\"accepted\"")
        && l.endsWith(" 1.0")), text);
    for (String g : List.of("bayan_store_bytes", "bayan_index_bytes", "bayan_log_entries", "bayan_index_backlog_bytes",
        "bayan_statements", "jvm_memory_used_bytes")) {
      assertTrue(text.contains("\n" + g), g + " missing");
    }
    // No API key, hashed or not, appears in what is scraped.
    assertTrue(!text.contains(ingest) && !text.contains(admin));
  }
}
