package org.bayan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bayan.ingest.push.ApiKeys;
import org.bayan.statement.Agency;
import org.bayan.store.AgencyRegistry;
import org.bayan.store.DataLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server runs as its own JVM, is killed with SIGKILL right after acknowledging pushes, and restarted. */
class CrashDurabilityTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern LISTENING = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/");
  @TempDir Path data;
  final HttpClient http = HttpClient.newHttpClient();

  record Server(Process process, int port) {}

  Server start() throws Exception {
    return start(List.of());
  }

  Server start(List<String> jvmFlags) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m"));
    cmd.addAll(jvmFlags);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
        "org.bayan.cli.BayanCommand", "serve", "--data", data.toString(), "--analyzers",
        Path.of("analyzers").toAbsolutePath().toString(), "--port", "0", "--rate-limit", "off"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    StringBuilder seen = new StringBuilder();
    while ((line = out.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}));
        drain.setDaemon(true);
        drain.start();
        return new Server(p, Integer.parseInt(m.group(1)));
      }
    }
    throw new AssertionError("the server did not start:\n" + seen);
  }

  @Test
  void every_acknowledged_release_survives_kill_9_right_after_the_answer() throws Exception {
    DataLayout layout = new DataLayout(data);
    new AgencyRegistry(layout.agenciesFile()).register(List.of(new Agency("moh", null, "Ministry of Health", null, null)));
    String key = new ApiKeys(layout.apiKeysFile()).create("moh", null);

    Server s = start();
    List<String> acknowledged = new ArrayList<>();
    for (int batch = 0; batch < 5; batch++) {
      StringBuilder lines = new StringBuilder();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String id = "moh-" + batch + "-" + i;
        ids.add(id);
        lines.append(JSON.createObjectNode().put("id", id).put("agency", "moh").put("title", "release " + id)
            .put("body", "statement number " + batch + " " + i + " about vaccination " + id)
            .put("published_at", "2024-06-01")).append('\n');
      }
      HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/api/admin/releases"))
          .header("Authorization", "Bearer " + key).header("Content-Type", "application/x-ndjson")
          .POST(HttpRequest.BodyPublishers.ofString(lines.toString())).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, res.statusCode(), res.body());
      assertEquals(40, JSON.readTree(res.body()).get("accepted").asInt());
      acknowledged.addAll(ids);
    }
    s.process().destroyForcibly(); // SIGKILL: no shutdown hook, no index commit
    assertTrue(s.process().waitFor(30, TimeUnit.SECONDS));

    Server again = start();
    try {
      for (String id : acknowledged) {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + again.port() + "/api/statements/" + id)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode(), id + ": " + res.body());
      }
      JsonNode all = JSON.readTree(http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + again.port() + "/api/search?q=vaccination")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      assertEquals(acknowledged.size(), all.get("total").asInt(), "every acknowledged release is searchable again");
    } finally {
      again.process().destroy();
      again.process().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
