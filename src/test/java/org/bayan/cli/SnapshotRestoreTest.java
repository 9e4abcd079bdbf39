package org.bayan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.bayan.http.LimitSettings;
import org.bayan.http.WebSettings;
import org.bayan.index.Fields;
import org.bayan.ingest.push.ApiKey;
import org.bayan.ingest.push.ApiKeys;
import org.bayan.provenance.MerkleVerifier;
import org.bayan.statement.Agency;
import org.bayan.store.AgencyRegistry;
import org.bayan.store.DataLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A snapshot taken over HTTP while releases are being pushed restores to a consistent, verifiable folder. */
class SnapshotRestoreTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void a_snapshot_taken_while_pushing_restores_every_acknowledged_release_with_a_clean_index_and_a_consistent_log()
      throws Exception {
    Path data = tmp.resolve("data");
    DataLayout layout = new DataLayout(data);
    new AgencyRegistry(layout.agenciesFile()).register(List.of(
        new Agency("moh", "وزارة الصحة", "Ministry of Health", "ministry", null)));
    ApiKeys keys = new ApiKeys(layout.apiKeysFile());
    String ingest = keys.create("feeder", null, List.of(ApiKey.INGEST));
    String admin = keys.create("operator", null, List.of(ApiKey.ADMIN));
    Path snapshots = tmp.resolve("snapshots");
    List<String> acked = new CopyOnWriteArrayList<>();
    List<String> ackedBeforeSnapshot;
    String snapshotPath;
    long originalLogSize;
    byte[] originalRoot;
    List<byte[]> proof;
    long restoredLogSizeAtSnapshot;
    try (Engine engine = Engine.open(data, Path.of("analyzers"), true);
        Service service = Service.start(engine, "127.0.0.1", 0, new Service.Options(Service.DEFAULT_LOG_ORIGIN,
            WebSettings.DEFAULT, 1 << 20, LimitSettings.NONE, 2_000, snapshots))) {
      String base = "http://127.0.0.1:" + service.port();
      AtomicBoolean stop = new AtomicBoolean();
      Thread pusher = Thread.ofPlatform().start(() -> {
        for (int i = 0; !stop.get(); i++) {
          String id = "moh-" + i;
          try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/releases"))
                .header("Authorization", "Bearer " + ingest).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(PushApiTest.release(id, "moh", "بيان رقم " + i + " عن التطعيم")))
                .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && JSON.readTree(r.body()).get("accepted").asInt() == 1) acked.add(id);
          } catch (Exception e) {
            return;
          }
        }
      });
      while (acked.size() < 20) Thread.sleep(10);
      HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/snapshot"))
          .header("Authorization", "Bearer " + ingest).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(403, refused.statusCode());
      ackedBeforeSnapshot = new ArrayList<>(acked);
      HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/snapshot"))
          .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, res.statusCode(), res.body());
      JsonNode m = JSON.readTree(res.body());
      snapshotPath = m.get("path").asText();
      assertTrue(Path.of(snapshotPath).startsWith(snapshots), snapshotPath);
      int at = acked.size();
      while (acked.size() < at + 10) Thread.sleep(10); // writes go on after the snapshot
      stop.set(true);
      pusher.join();
      engine.sync.catchUp();
      restoredLogSizeAtSnapshot = m.get("log_entries").asLong();
      originalLogSize = engine.log.size();
      originalRoot = engine.log.root(originalLogSize);
      proof = null;
      assertTrue(originalLogSize > restoredLogSizeAtSnapshot);
    }

    Path restored = tmp.resolve("restored");
    Files.createDirectories(restored.resolve("something"));
    CommandLine cli = new CommandLine(new BayanCommand());
    assertNotEquals(0, cli.execute("restore", snapshotPath, "--data", restored.toString(), "--analyzers", "analyzers"),
        "a non-empty target needs --force");
    assertEquals(0, new CommandLine(new BayanCommand()).execute("restore", snapshotPath, "--data", restored.toString(),
        "--analyzers", "analyzers", "--force"));

    long restoredSize;
    try (Engine e = Engine.open(restored, Path.of("analyzers"), true)) {
      IndexSearcher s = e.index.acquire();
      try {
        for (String id : ackedBeforeSnapshot) {
          assertEquals(1, s.count(new TermQuery(new Term(Fields.ID, id))), id + " acknowledged before the snapshot is missing");
        }
      } finally {
        e.index.release(s);
      }
      restoredSize = e.log.size();
      assertEquals(e.store.lastSeq(), restoredSize, "the restored log holds every stored version");
      byte[] restoredRoot = e.log.root(restoredSize);
      // The restored log is a prefix of the original: same entries, same order, provably.
      try (Engine original = Engine.open(data, Path.of("analyzers"), true)) {
        proof = original.log.consistencyProof(restoredSize, originalLogSize);
        assertTrue(MerkleVerifier.verifyConsistency(restoredSize, originalLogSize, restoredRoot, originalRoot, proof));
      }
    }
    assertTrue(restoredSize >= ackedBeforeSnapshot.size());
    try (FSDirectory dir = FSDirectory.open(new DataLayout(restored).indexDir()); CheckIndex check = new CheckIndex(dir)) {
      assertTrue(check.checkIndex().clean);
    }
  }

  @Test
  void the_offline_snapshot_command_refuses_a_non_empty_target_and_round_trips_through_restore() throws Exception {
    Path data = tmp.resolve("offline");
    DataLayout layout = new DataLayout(data);
    new AgencyRegistry(layout.agenciesFile()).register(List.of(new Agency("moh", null, "Ministry of Health", null, null)));
    try (Engine e = Engine.open(data, Path.of("analyzers"), true)) {
      e.store.append(List.of(new org.bayan.ingest.ReleaseParser(a -> true, 1000).parse(
          PushApiTest.release("moh-1", "moh", "نص البيان").getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }
    Path snap = tmp.resolve("snap");
    Files.createDirectories(snap.resolve("x"));
    assertNotEquals(0, BayanCommand.commandLine().execute("snapshot", snap.toString(), "--data", data.toString(),
        "--analyzers", "analyzers"));
    Path snap2 = tmp.resolve("snap2");
    assertEquals(0, BayanCommand.commandLine().execute("snapshot", snap2.toString(), "--data", data.toString(),
        "--analyzers", "analyzers"));
    assertTrue(Files.isRegularFile(snap2.resolve("manifest.json")));
    assertTrue(Files.isRegularFile(snap2.resolve("keys/checkpoint.key")) || !Files.exists(layout.checkpointKeyFile()));
    // A damaged snapshot is refused before anything is copied.
    Path store = snap2.resolve("store/releases.log");
    byte[] bytes = Files.readAllBytes(store);
    bytes[bytes.length / 2] ^= 1;
    Files.write(store, bytes);
    Path target = tmp.resolve("restored-offline");
    assertNotEquals(0, BayanCommand.commandLine().execute("restore", snap2.toString(), "--data", target.toString(),
        "--analyzers", "analyzers"));
    assertTrue(!Files.exists(target.resolve("store")));
  }
}
