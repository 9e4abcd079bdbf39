package org.bayan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.bayan.index.Fields;
import org.bayan.ingest.IndexSync;
import org.bayan.ingest.push.ApiKeys;
import org.bayan.provenance.MerkleVerifier;
import org.bayan.statement.Agency;
import org.bayan.statement.StatementVersion;
import org.bayan.store.AgencyRegistry;
import org.bayan.store.DataLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as its own JVM, under pushes from several threads and searches, killed with SIGKILL at random
 * moments and restarted, again and again. Whatever it acknowledged must be searchable afterwards, and store,
 * log and index must agree.
 */
class CrashUnderLoadTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int CYCLES = 20;
  static final int PUSHERS = 3;
  @TempDir Path data;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  final CrashDurabilityTest launcher = new CrashDurabilityTest();

  /**
   * Most of a cycle is JVM start-up: C1 only, the serial collector and a class-data archive (made on the
   * first start, reused after) make each restart take a fraction of a cold start. Production flags differ;
   * what is under test, the data folder after SIGKILL, does not depend on them.
   */
  CrashDurabilityTest.Server start() throws Exception {
    return launcher.start(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:+AutoCreateSharedArchive",
        "-XX:SharedArchiveFile=" + Path.of("target", "crash-under-load.jsa").toAbsolutePath(), "-Xlog:cds=off",
        "-Xlog:cds+dynamic=off"));
  }

  @Test
  void every_acknowledged_release_survives_repeated_kill_9_under_concurrent_pushes_and_searches() throws Exception {
    launcher.data = data;
    DataLayout layout = new DataLayout(data);
    new AgencyRegistry(layout.agenciesFile()).register(List.of(new Agency("moh", null, "Ministry of Health", null, null)));
    String key = new ApiKeys(layout.apiKeysFile()).create("moh", null);
    Set<String> acked = ConcurrentHashMap.newKeySet();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger serverErrors = new AtomicInteger();
    Random random = new Random(42);

    for (int cycle = 0; cycle < CYCLES; cycle++) {
      CrashDurabilityTest.Server s = start();
      String base = "http://127.0.0.1:" + s.port();
      // What was acknowledged before every earlier kill is searchable as soon as the server answers.
      long total = JSON.readTree(get(base + "/api/search?q=vaccination&size=1")).get("total").asLong();
      assertTrue(total >= acked.size(), "cycle " + cycle + ": " + total + " searchable, " + acked.size() + " acknowledged");

      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < PUSHERS; t++) {
        threads.add(Thread.ofPlatform().start(() -> {
          while (!stop.get()) {
            List<String> ids = new ArrayList<>();
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 5; i++) {
              String id = "moh-" + next.getAndIncrement();
              ids.add(id);
              lines.append(JSON.createObjectNode().put("id", id).put("agency", "moh").put("title", "release " + id)
                  .put("body", "statement " + id + " about vaccination").put("published_at", "2024-06-01")).append('\n');
            }
            try {
              HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/releases"))
                  .header("Authorization", "Bearer " + key).header("Content-Type", "application/x-ndjson")
                  .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(lines.toString())).build(),
                  HttpResponse.BodyHandlers.ofString());
              if (r.statusCode() >= 500) serverErrors.incrementAndGet();
              if (r.statusCode() == 200) acked.addAll(ids);
            } catch (Exception e) {
              return; // killed mid-request: not acknowledged
            }
          }
        }));
      }
      threads.add(Thread.ofPlatform().start(() -> {
        while (!stop.get()) {
          try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/search?q=vaccination"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 500) serverErrors.incrementAndGet();
          } catch (Exception e) {
            return;
          }
        }
      }));
      Thread.sleep(150 + random.nextInt(650));
      s.process().destroyForcibly(); // SIGKILL, at whatever point the pushes and the follower are
      assertTrue(s.process().waitFor(30, TimeUnit.SECONDS));
      stop.set(true);
      for (Thread t : threads) t.join(15_000);
    }
    assertEquals(0, serverErrors.get(), "the server answered 5xx under load");
    assertTrue(acked.size() > CYCLES * PUSHERS, "too few pushes were acknowledged to mean anything: " + acked.size());

    // The last restart, and a clean stop, then look inside.
    CrashDurabilityTest.Server last = start();
    last.process().destroy();
    assertTrue(last.process().waitFor(30, TimeUnit.SECONDS));
    try (Engine e = Engine.open(data, Path.of("analyzers"), true)) {
      IndexSearcher searcher = e.index.acquire();
      try {
        for (String id : acked) {
          assertEquals(1, searcher.count(new TermQuery(new Term(Fields.ID, id))), id + " was acknowledged but is not searchable");
        }
      } finally {
        e.index.release(searcher);
      }
      // The log holds exactly the stored versions, in order, and its proofs verify against its root.
      long size = e.log.size();
      assertEquals(e.store.lastSeq(), size);
      List<StatementVersion> versions = new ArrayList<>();
      e.store.scan(0, versions::add);
      byte[] root = e.log.root(size);
      for (int i = 0; i < versions.size(); i++) {
        assertArrayEquals(IndexSync.entryOf(versions.get(i)).leafHash(), e.log.leafHash(i), "log entry " + i);
        if (i % 37 == 0 || i == versions.size() - 1) {
          assertTrue(MerkleVerifier.verifyInclusion(i, size, e.log.leafHash(i), e.log.inclusionProof(i, size), root));
        }
      }
    }
    try (FSDirectory dir = FSDirectory.open(layout.indexDir()); CheckIndex check = new CheckIndex(dir)) {
      assertTrue(check.checkIndex().clean, "CheckIndex found problems");
    }
  }

  String get(String url) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), url + ": " + r.body());
    return r.body();
  }

}
