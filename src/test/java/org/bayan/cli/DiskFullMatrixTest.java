package org.bayan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.bayan.ingest.push.ApiKey;
import org.bayan.ingest.push.ApiKeys;
import org.bayan.provenance.ChannelOpener;
import org.bayan.statement.Agency;
import org.bayan.store.AgencyRegistry;
import org.bayan.store.DataLayout;
import org.bayan.testing.DiskFull;
import org.bayan.testing.Fixtures;
import org.bayan.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The disk fills up under a running server, at the Nth write to the store, the log or the index, for a range
 * of N: no push is answered 500; each push is either acknowledged or refused with "No space left on device";
 * once space returns the server takes pushes again without a restart, every acknowledged release is
 * searchable, a fresh process opens the folder and {@code bayan reindex} succeeds. Its counts are printed and
 * quoted in docs/operations.md ("Fault matrix: disk full").
 */
class DiskFullMatrixTest {
  static final ObjectMapper JSON = new ObjectMapper();
  // Words of distinct stems, one per release, so that each release is found by a search of its own word.
  static final List<String> WORDS = List.of("harbour", "orchard", "glacier", "lantern", "meadow", "volcano",
      "compass", "quarry", "saddle", "tundra", "beacon", "canyon");
  static final int[] NTH_WRITE = {1, 2, 5, 9};
  static final int PUSHES_WHILE_FULL = 6;

  enum Target { STORE, LOG, INDEX }

  @TempDir Path tmp;

  private static Engine.Disk disk(Target target, DiskFull full) {
    ChannelOpener plain = ChannelOpener.FILES;
    return switch (target) {
      case STORE -> new Engine.Disk(full.channels(), plain, UnaryOperator.identity());
      case LOG -> new Engine.Disk(plain, full.channels(), UnaryOperator.identity());
      case INDEX -> new Engine.Disk(plain, plain, full::directory);
    };
  }

  private static String release(String id, String word) {
    return Fixtures.release(id, "moh", "statement on the " + word,
        "the ministry announced today its plan for the " + word + " after consultation", "2024-05-01");
  }

  private static TestServer.Response push(TestServer server, String key, String body) throws Exception {
    return server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/admin/releases"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private static TestServer.Response get(TestServer server, String path, String key) throws Exception {
    return server.send(HttpRequest.newBuilder(URI.create(server.base() + path))
        .header("Authorization", "Bearer " + key).GET().build());
  }

  @Test
  void every_acknowledged_release_survives_a_full_disk_under_store_log_and_index() throws Exception {
    int cases = 0;
    long faults = 0;
    int refused = 0;
    int acknowledged = 0;
    int reopened = 0;
    int reindexed = 0;
    int unhealthySeen = 0;
    Map<Target, Long> faultsBy = new LinkedHashMap<>();
    for (Target target : Target.values()) {
      for (int n : NTH_WRITE) {
        String where = target + " at write " + n;
        Path data = tmp.resolve(target + "-" + n);
        DataLayout layout = new DataLayout(data);
        new AgencyRegistry(layout.agenciesFile()).register(List.of(new Agency("moh", null, "Ministry of Health", null, null)));
        ApiKeys keys = new ApiKeys(layout.apiKeysFile());
        String key = keys.create("moh", null);
        String admin = keys.create("ops", null, List.of(ApiKey.ADMIN));
        DiskFull full = new DiskFull();
        List<String> acked = new ArrayList<>();
        List<String[]> refusedReleases = new ArrayList<>();
        try (TestServer server = TestServer.start(Engine.open(data, Fixtures.analyzers(), true, org.bayan.cli.SearchBackend.LUCENE,
            disk(target, full)))) {
          assertEquals(200, push(server, key, release("r-0", WORDS.get(0))).status(), where);
          acked.add("r-0");
          full.fillAfter(n);
          for (int i = 1; i <= PUSHES_WHILE_FULL; i++) {
            String id = "r-" + i;
            TestServer.Response r = push(server, key, release(id, WORDS.get(i)));
            if (r.status() == 200) {
              acked.add(id);
              continue;
            }
            assertTrue(r.status() == 507 || r.status() == 503, where + ": push " + i + " answered " + r.status() + " " + r.body());
            String detail = r.json().path("detail").asText();
            assertTrue(detail.contains(DiskFull.MESSAGE), where + ": " + detail);
            refusedReleases.add(new String[] {id, WORDS.get(i)});
          }
          if (target == Target.INDEX && !refusedReleases.isEmpty()) {
            TestServer.Response health = server.get("/healthz");
            assertEquals(503, health.status(), where + ": " + health.body());
            assertTrue(health.json().path("detail").asText().contains(DiskFull.MESSAGE), health.body());
            String metrics = get(server, "/metrics", admin).body();
            assertTrue(metrics.contains("bayan_index_unhealthy 1.0"), where + ": the gauge shows it");
            // Searches go on over the last searcher meanwhile.
            TestServer.Response search = server.get("/api/search?q=" + WORDS.get(0));
            assertEquals(200, search.status(), where + ": " + search.body());
            assertEquals("r-0", search.json().path("hits").path(0).path("id").asText(), where);
            unhealthySeen++;
          }
          full.free();
          // Space is back: no restart, the next push lands, and so do the refused ones sent again.
          int last = PUSHES_WHILE_FULL + 1;
          TestServer.Response after = push(server, key, release("r-" + last, WORDS.get(last)));
          assertEquals(200, after.status(), where + ": " + after.body());
          acked.add("r-" + last);
          for (String[] r : refusedReleases) {
            TestServer.Response again = push(server, key, release(r[0], r[1]));
            assertEquals(200, again.status(), where + ": " + again.body());
            acked.add(r[0]);
          }
          assertEquals(200, server.get("/healthz").status(), where);
          for (String id : acked) {
            String word = WORDS.get(Integer.parseInt(id.substring(2)));
            JsonNode hits = server.get("/api/search?q=" + word).json().path("hits");
            assertEquals(id, hits.path(0).path("id").asText(), where + ": " + id + " is searchable");
            assertEquals(1, server.engine.store.versions(id).size(), where + ": " + id + " stored once");
          }
          assertEquals(server.engine.store.lastSeq(), server.engine.log.size(), where + ": the log follows the store");
        }
        faults += full.faults();
        faultsBy.merge(target, full.faults(), Long::sum);
        refused += refusedReleases.size();
        acknowledged += acked.size();
        try (Engine fresh = Engine.open(data, Fixtures.analyzers(), true)) {
          assertEquals(acked.size(), fresh.store.statementCount(), where);
          assertEquals(fresh.store.lastSeq(), fresh.log.size(), where);
          assertEquals(acked.size(), fresh.search().size(), where);
          reopened++;
        }
        CommandLine cmd = BayanCommand.commandLine();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        cmd.setErr(new PrintWriter(err, true));
        assertEquals(0, cmd.execute("reindex", "--data", data.toString(), "--analyzers", Fixtures.analyzers().toString()),
            where + ": " + err);
        reindexed++;
        cases++;
      }
    }
    System.out.printf("disk-full fault matrix: %d cases (store, log, index x write %s), %d faults injected %s, "
            + "%d pushes refused with '%s', %d releases acknowledged and searchable, %d/%d folders reopened, "
            + "%d/%d reindexed, %d times /healthz and /metrics showed the failed index%n",
        cases, java.util.Arrays.toString(NTH_WRITE), faults, faultsBy, refused, DiskFull.MESSAGE, acknowledged,
        reopened, cases, reindexed, cases, unhealthySeen);
    assertEquals(cases, reopened);
    for (Target t : Target.values()) assertTrue(faultsBy.get(t) > 0, t + " was never hit");
  }
}
