package org.bayan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Access is decided by the route a request reaches, not by how its path is spelled: every spelling of every
 * protected endpoint (trailing slash, doubled slashes, case, percent-encoding, dot segments, path parameters)
 * is tried with every kind of key, over raw HTTP so that the client normalizes nothing.
 */
class RouteAccessTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path data;
  Engine engine;
  Service service;

  void start(LimitSettings limits) throws Exception {
    new AgencyRegistry(new DataLayout(data).agenciesFile()).register(List.of(
        new Agency("moh", "وزارة الصحة", "Ministry of Health", "ministry", null),
        new Agency("spa", "واس", "Saudi Press Agency", "agency", null)));
    engine = Engine.open(data, Path.of("analyzers"), true);
    service = Service.start(engine, "127.0.0.1", 0,
        new Service.Options(Service.DEFAULT_LOG_ORIGIN, WebSettings.DEFAULT, 64 * 1024, limits, 2_000));
  }

  @AfterEach
  void stop() throws Exception {
    if (service != null) service.close();
    if (engine != null) engine.close();
  }

  /** A protected endpoint: method, canonical path and the scope it needs. */
  record Endpoint(String method, String path, String scope) {}

  static final List<Endpoint> PROTECTED = List.of(
      new Endpoint("POST", "/api/admin/releases", ApiKey.INGEST),
      new Endpoint("POST", "/api/admin/snapshot", ApiKey.ADMIN),
      new Endpoint("GET", "/metrics", ApiKey.ADMIN));

  /** Ways of spelling {@code path} that a router or a servlet container may take for the same resource. */
  static List<String> spellings(String path) {
    String last = path.substring(path.lastIndexOf('/') + 1);
    String parent = path.substring(0, path.lastIndexOf('/'));
    String first = path.substring(1, path.indexOf('/', 1) < 0 ? path.length() : path.indexOf('/', 1));
    List<String> out = new ArrayList<>(List.of(
        path, path + "/", path + "//", "/" + path, path.replace("/", "//"),
        path.toUpperCase(), parent + "/" + Character.toUpperCase(last.charAt(0)) + last.substring(1),
        parent + "/%" + Integer.toHexString(last.charAt(0)) + last.substring(1),
        parent + "/%" + Integer.toHexString(last.charAt(0)).toUpperCase() + last.substring(1),
        parent + "%2F" + last, parent + "%2f" + last, path + "%2F", path + "%20", path + "%00",
        parent + "/./" + last, parent + "/x/../" + last, "/x/.." + path, parent + "/%2e/" + last,
        path + ";", path + ";x=1", parent + ";x/" + last, path + "/.", path + "?x=/", path + "#x",
        path + "/" + "%2e", "/" + first.toUpperCase() + path.substring(first.length() + 1)));
    return out.stream().distinct().toList();
  }

  /** A raw HTTP/1.1 exchange: the request line is sent exactly as written. Returns the status. */
  int raw(String method, String target, String bearer, String body) throws IOException {
    try (Socket s = new Socket("127.0.0.1", service.port())) {
      s.setSoTimeout(10_000);
      byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      StringBuilder req = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
      if (bearer != null) req.append("Authorization: Bearer ").append(bearer).append("\r\n");
      if (body != null) req.append("Content-Type: application/json\r\nContent-Length: ").append(b.length).append("\r\n");
      req.append("\r\n");
      s.getOutputStream().write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().write(b);
      s.getOutputStream().flush();
      String status = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
      return Integer.parseInt(status.split(" ")[1]);
    }
  }

  @Test
  void every_spelling_of_a_protected_path_reaches_its_handler_only_with_a_key_of_its_scope() throws Exception {
    ApiKeys keys = new ApiKeys(new DataLayout(data).apiKeysFile());
    Map<String, String> bearers = new LinkedHashMap<>();
    bearers.put("none", null);
    bearers.put("wrong", "bayan_not-a-key");
    bearers.put("ingest-moh", keys.create("moh-feeder", List.of("moh"), List.of(ApiKey.INGEST)));
    bearers.put("admin", keys.create("operator", null, List.of(ApiKey.ADMIN)));
    String both = keys.create("both", null, List.of(ApiKey.INGEST, ApiKey.ADMIN));
    String revoked = keys.create("old", null, List.of(ApiKey.INGEST, ApiKey.ADMIN));
    keys.revoke("old");
    bearers.put("revoked", revoked);
    start(LimitSettings.NONE);
    Map<String, List<String>> allowedKeys = Map.of(ApiKey.INGEST, List.of("ingest-moh"), ApiKey.ADMIN, List.of("admin"));

    int cases = 0;
    int reached = 0;
    List<String> failures = new ArrayList<>();
    for (Endpoint e : PROTECTED) {
      for (String spelling : spellings(e.path())) {
        for (Map.Entry<String, String> k : bearers.entrySet()) {
          // The pushed release belongs to an agency the moh-bound key may not push for.
          String body = e.method().equals("POST")
              ? PushApiTest.release("spa-" + cases, "spa", "بيان رقم " + cases) : null;
          int status = raw(e.method(), spelling, k.getValue(), body);
          cases++;
          boolean mayReach = allowedKeys.get(e.scope()).contains(k.getKey());
          String where = e.method() + " " + spelling + " with key " + k.getKey() + ": " + status;
          if (status >= 500) failures.add(where + " (server error)");
          if (status / 100 == 2) {
            reached++;
            if (!mayReach) failures.add(where + " (reached the handler without scope " + e.scope() + ")");
          } else if (status != 401 && status != 403 && status != 400 && status != 404 && status != 405) {
            failures.add(where + " (unexpected)");
          }
          if ((k.getKey().equals("none") || k.getKey().equals("wrong") || k.getKey().equals("revoked"))
              && status != 401 && status != 400 && status != 404) {
            failures.add(where + " (a request without a valid key must get 401 or not be routed)");
          }
          if (status == 403 && mayReach) failures.add(where + " (refused a key with the scope)");
        }
      }
      // The canonical spelling reaches the handler with the right key, and only with it.
      // (An empty batch is refused as such, so the canonical push carries one release of the key's agency.)
      assertEquals(200, raw(e.method(), e.path(), e.scope().equals(ApiKey.INGEST) ? bearers.get("ingest-moh")
          : bearers.get("admin"), e.method().equals("POST") ? PushApiTest.release("moh-c1", "moh", "بيان أول") : null),
          e.toString());
      assertEquals(200, raw(e.method(), e.path(), both, e.method().equals("POST")
          ? PushApiTest.release("moh-c2", "moh", "بيان ثان") : null), e.toString());
    }
    assertTrue(failures.isEmpty(), failures.size() + " of " + cases + " cases failed:\n" + String.join("\n", failures));
    assertTrue(reached > 0, "no spelling reached a handler");
    // Whatever reached the push handler, nothing of agency spa was stored: the only key with ingest scope
    // above is bound to moh.
    // (The canonical pushes above stored moh's own releases, moh-c1 and moh-c2, and nothing else may be there.)
    List<String> stored = new ArrayList<>();
    engine.store.scan(0, v -> stored.add(v.id()));
    assertEquals(List.of("moh-c1", "moh-c2"), stored.stream().distinct().toList(),
        "a release was stored through a key that may not push it");
    System.out.println("route access: " + cases + " cases (" + PROTECTED.size() + " endpoints, "
        + bearers.size() + " keys), " + reached + " reached a handler");
  }

  @Test
  void an_agency_bound_key_pushes_for_its_agency_only_whatever_the_path_spelling() throws Exception {
    ApiKeys keys = new ApiKeys(new DataLayout(data).apiKeysFile());
    String moh = keys.create("moh-feeder", List.of("moh"), List.of(ApiKey.INGEST));
    start(LimitSettings.NONE);
    int n = 0;
    for (String spelling : spellings("/api/admin/releases")) {
      String batch = "[" + PushApiTest.release("moh-" + n, "moh", "بيان " + n) + ","
          + PushApiTest.release("spa-" + n, "spa", "بيان " + n) + "]";
      int status = raw("POST", spelling, moh, batch);
      assertTrue(status == 200 || status == 400 || status == 404 || status == 405, spelling + ": " + status);
      n++;
    }
    assertTrue(engine.store.statementCount() > 0, "no spelling reached the push handler");
    for (int i = 0; i < n; i++) {
      assertTrue(engine.store.latest("spa-" + i).isEmpty(), "spa-" + i + " was stored through a key bound to moh");
    }
  }

  @Test
  void wrong_keys_on_every_protected_endpoint_share_one_rate_limit_and_valid_keys_are_not_limited() throws Exception {
    ApiKeys keys = new ApiKeys(new DataLayout(data).apiKeysFile());
    String admin = keys.create("operator", null, List.of(ApiKey.ADMIN));
    start(new LimitSettings(0.01, 3, null));
    List<Integer> statuses = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    for (Endpoint e : PROTECTED) {
      targets.add(e.method() + " " + e.path());
      targets.add(e.method() + " " + e.path() + "/");
    }
    for (int round = 0; round < 2; round++) {
      for (String t : targets) {
        String[] mt = t.split(" ");
        statuses.add(raw(mt[0], mt[1], "guess-" + statuses.size(), mt[0].equals("POST") ? "[]" : null));
      }
    }
    // Three guesses in the bucket, then every later guess, on whatever endpoint, is refused.
    assertEquals(List.of(401, 401, 401), statuses.subList(0, 3), statuses.toString());
    assertTrue(statuses.subList(3, statuses.size()).stream().allMatch(s -> s == 429), statuses.toString());
    // A scrape with the admin key is not a guess: it is answered even while guesses from the same client are refused.
    for (int i = 0; i < 5; i++) assertEquals(200, raw("GET", "/metrics", admin, null));
    assertFalse(statuses.contains(200));
  }
}
