package org.bayan.bench.opensearch;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * One OpenSearch node (single-node discovery) for the benchmark: {@code OpenSearchNode BASE_DIR HTTP_PORT
 * [PLUGIN_CLASSES]}, the plugin classes comma-separated and on the classpath (Bayan's analysis plugin, for
 * Bayan served on this node). Prints {@code READY port} once the cluster is yellow and runs until killed.
 */
public final class OpenSearchNode {
  private OpenSearchNode() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int port = Integer.parseInt(args[1]);
    String plugins = args.length > 2 ? args[2] : "";
    OpenSearchRunner runner = new OpenSearchRunner();
    runner.onBuild((n, settings) -> {
      settings.put("discovery.type", "single-node");
      settings.put("http.port", Integer.toString(port));
      settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
    });
    OpenSearchRunner.Configs configs = OpenSearchRunner.newConfigs().clusterName("bayan-bench").numOfNode(1)
        .basePath(base).baseHttpPort(port - 1).disableESLogger();
    if (!plugins.isBlank()) configs.pluginTypes(plugins);
    runner.build(configs);
    runner.ensureYellow();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        runner.close();
      } catch (Exception e) {
        // shutting down anyway
      }
    }));
    System.out.println("READY " + port);
    Thread.currentThread().join();
  }
}
