package org.bayan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bayan.opensearch.OpenSearchClient;
import org.bayan.testing.Fixtures;
import org.bayan.testing.OpenSearchCluster;
import org.bayan.testing.TestServer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands with {@code --engine opensearch} on a 2-node cluster: {@code index} and {@code reindex} build the
 * index from the store (a rebuild swaps it in whole), and search keeps answering when a node stops. Runs after
 * every other cluster test, since it leaves the cluster one node short.
 */
@ExtendWith(OpenSearchCluster.Extension.class)
@Order(Integer.MAX_VALUE)
class OpenSearchClusterTest {
  @TempDir Path tmp;

  @Test
  void index_reindex_and_search_survive_a_stopped_node(OpenSearchCluster cluster) throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.agencies(in, "moi", "moh");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      lines.add(Fixtures.release("moi-" + i, i % 2 == 0 ? "moi" : "moh", "بيان رقم " + i + " حول الطرق",
          "أعلنت وزارة الداخلية إغلاق الطرق الرئيسية يوم الجمعة رقم " + i + ".", "2024-05-01"));
    }
    Fixtures.lines(in.resolve("r.jsonl"), lines);
    Path data = tmp.resolve("data");
    String urls = String.join(",", cluster.urls());
    String[] engine = {"--data", data.toString(), "--analyzers", Fixtures.analyzers().toString(),
        "--engine", "opensearch", "--opensearch-url", urls, "--opensearch-index", "cluster-test"};

    assertEquals(0, BayanCommand.commandLine().execute(concat(new String[] {"index", in.toString()}, engine)));
    OpenSearchClient client = new OpenSearchClient(cluster.urls());
    String before = concrete(client);
    assertEquals(0, BayanCommand.commandLine().execute(concat(new String[] {"reindex"}, engine)));
    String after = concrete(client);
    assertNotEquals(before, after, "a rebuild fills a new index and moves the alias to it");
    assertEquals(404, client.send("GET", "/" + before, null, null).status(), "the old index is dropped");
    client.call("GET", "/_cluster/health/cluster-test?wait_for_status=green&timeout=60s", null);

    // Serve with the node about to stop listed first, so the server must fail over to the other.
    String victim = nonManagerUrl(client, cluster.urls());
    List<String> ordered = new ArrayList<>(List.of(victim));
    cluster.urls().stream().filter(u -> !u.equals(victim)).forEach(ordered::add);
    try (TestServer server = TestServer.start(data, SearchBackend.openSearch(ordered, "cluster-test", 2, 1))) {
      String q = "/api/search?q=" + TestServer.enc("الطرق") + "&agency=moi";
      JsonNode first = server.get(q).json();
      assertEquals(30, first.get("total").asInt(), first.toString());

      assertEquals(victim, cluster.stopNonManagerNode());
      for (int i = 0; i < 10; i++) {
        TestServer.Response r = server.get(q);
        assertEquals(200, r.status(), r.body());
        assertEquals(30, r.json().get("total").asInt(), "every shard still answers from its copy: " + r.body());
      }
      assertEquals(60, server.get("/healthz").json().get("statements").asInt());
    }

    // When no node answers at all, a search is a 503 the client may retry, never a 500.
    String survivor = cluster.urls().stream().filter(u -> !u.equals(victim)).findFirst().orElseThrow();
    try (Relay relay = new Relay(java.net.URI.create(survivor));
        TestServer server = TestServer.start(data,
            SearchBackend.openSearch(List.of("http://127.0.0.1:" + relay.port()), "cluster-test", 2, 1))) {
      String q = "/api/search?q=" + TestServer.enc("الطرق");
      assertEquals(200, server.get(q).status());
      relay.cut(true);
      TestServer.Response r = server.get(q);
      assertEquals(503, r.status(), r.body());
      assertEquals("engine_unavailable", r.json().path("error").asText(), r.body());
      assertTrue(r.json().hasNonNull("detail"), r.body());
      relay.cut(false); // the server commits on close
      assertEquals(200, server.get(q).status(), "search comes back with the node");
    }
  }

  /** A TCP relay to one node, cut to make the cluster unreachable without stopping the shared nodes. */
  private static final class Relay implements AutoCloseable {
    private volatile boolean cut;
    private final java.net.ServerSocket server = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
    private final List<java.net.Socket> open = java.util.Collections.synchronizedList(new ArrayList<>());

    Relay(java.net.URI target) throws java.io.IOException {
      Thread accept = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            java.net.Socket in = server.accept();
            if (cut) {
              in.close();
              continue;
            }
            java.net.Socket out = new java.net.Socket(target.getHost(), target.getPort());
            open.add(in);
            open.add(out);
            pipe(in, out);
            pipe(out, in);
          } catch (java.io.IOException e) {
            return; // closed
          }
        }
      }, "relay-accept");
      accept.setDaemon(true);
      accept.start();
    }

    int port() {
      return server.getLocalPort();
    }

    /** Cutting closes every relayed connection and refuses new ones until restored. */
    void cut(boolean cut) throws java.io.IOException {
      this.cut = cut;
      if (cut) {
        synchronized (open) {
          for (java.net.Socket s : open) s.close();
          open.clear();
        }
      }
    }

    private static void pipe(java.net.Socket from, java.net.Socket to) {
      Thread t = new Thread(() -> {
        try {
          from.getInputStream().transferTo(to.getOutputStream());
        } catch (java.io.IOException ignored) {
          // one side closed
        } finally {
          try {
            to.close();
          } catch (java.io.IOException ignored) {
            // already closed
          }
        }
      }, "relay-pipe");
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void close() throws java.io.IOException {
      server.close();
      synchronized (open) {
        for (java.net.Socket s : open) s.close();
      }
    }
  }

  private static String concrete(OpenSearchClient client) {
    return client.call("GET", "/_alias/cluster-test", null).fieldNames().next();
  }

  private static String nonManagerUrl(OpenSearchClient client, List<String> urls) {
    String manager = client.call("GET", "/_cat/cluster_manager?format=json", null).get(0).path("id").asText();
    JsonNode nodes = client.call("GET", "/_nodes/http", null).path("nodes");
    String managerPort = nodes.path(manager).path("http").path("publish_address").asText().replaceAll(".*:", "");
    for (String u : urls) if (!u.endsWith(":" + managerPort)) return u;
    throw new AssertionError("no node other than the manager in " + urls + " / " + nodes);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
