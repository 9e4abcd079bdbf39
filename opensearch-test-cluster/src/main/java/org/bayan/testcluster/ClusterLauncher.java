package org.bayan.testcluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.node.Node;

/**
 * Runs an OpenSearch cluster of N nodes in this JVM until told to stop, driven over stdin/stdout so a test in
 * another JVM (with another Lucene) can use it.
 *
 * <p>Arguments: base folder, number of nodes, plugin classes (comma-separated, may be empty). Prints
 * {@code READY <url>,<url>...} once the cluster is up; then reads commands, one a line:
 * {@code stop-non-manager} (closes a node that is not the elected cluster manager and prints
 * {@code STOPPED <url>}), {@code quit}. Exits (stopping every node) on {@code quit} or end of input, so the
 * cluster dies with the test JVM that started it.
 */
public final class ClusterLauncher {
  private ClusterLauncher() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int nodes = Integer.parseInt(args[1]);
    String plugins = args.length > 2 ? args[2] : "";
    OpenSearchRunner runner = new OpenSearchRunner();
    runner.onBuild((i, settings) -> {
      settings.put("network.host", "127.0.0.1");
      settings.put("http.cors.enabled", false);
      // Small test machines: do not refuse to allocate shards on a nearly full disk.
      settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
    });
    OpenSearchRunner.Configs configs = OpenSearchRunner.newConfigs()
        .basePath(base).numOfNode(nodes).clusterName("bayan-test-" + ProcessHandle.current().pid())
        .disableESLogger();
    if (!plugins.isBlank()) configs.pluginTypes(plugins);
    runner.build(configs);
    runner.ensureYellow();
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < runner.getNodeSize(); i++) urls.add(url(runner.getNode(i)));
    System.out.println("READY " + String.join(",", urls));
    System.out.flush();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        line = line.trim();
        if (line.equals("quit")) break;
        if (line.equals("stop-non-manager")) {
          Node victim = runner.nonClusterManagerNode();
          String url = url(victim);
          victim.close();
          System.out.println("STOPPED " + url);
        } else {
          System.out.println("ERROR unknown command " + line);
        }
        System.out.flush();
      }
    } finally {
      try {
        runner.close();
      } finally {
        runner.clean();
      }
    }
    System.exit(0);
  }

  private static String url(Node node) {
    String port = node.settings().get("http.port");
    return "http://127.0.0.1:" + port;
  }
}
