package org.bayan.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bayan.cli.SearchBackend;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real 2-node OpenSearch cluster on loopback with Bayan's analysis plugin, shared by every test of the run.
 * OpenSearch brings its own Lucene, so it runs in a forked JVM: the launcher in {@code opensearch-test-cluster/}
 * and the plugin in {@code opensearch-plugin/} are built by Maven from this checkout when their sources are
 * newer than their jars, then started with both on the classpath and driven over stdin/stdout. Tests get it
 * as a parameter: {@code @ExtendWith(OpenSearchCluster.Extension.class)}.
 */
public final class OpenSearchCluster implements AutoCloseable {
  public static final int NODES = 2;
  private static final long START_TIMEOUT_S = 240;
  private static final String PLUGIN_CLASS = "org.bayan.opensearch.plugin.BayanAnalysisPlugin";

  private final Process process;
  private final PrintWriter commands;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> urls;
  private final Path log;

  private OpenSearchCluster(Process process, Path log) throws IOException, InterruptedException {
    this.process = process;
    this.log = log;
    this.commands = new PrintWriter(process.outputWriter(StandardCharsets.UTF_8), true);
    Thread pump = new Thread(() -> {
      try (BufferedReader in = process.inputReader(StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          lines.add(line);
          Files.writeString(log, line + "\n", StandardCharsets.UTF_8,
              java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
      } catch (IOException e) {
        // the launcher exited
      }
    }, "opensearch-cluster-stdout");
    pump.setDaemon(true);
    pump.start();
    String ready = await("READY ", START_TIMEOUT_S);
    this.urls = List.of(ready.substring("READY ".length()).trim().split(","));
  }

  /** Node URLs, the first one the node {@link #stopNonManagerNode()} would not pick first. */
  public List<String> urls() {
    return urls;
  }

  public SearchBackend backend(String indexName) {
    return SearchBackend.openSearch(urls, indexName, 2, 1);
  }

  /** Stops a node that is not the elected cluster manager; returns its URL. */
  public String stopNonManagerNode() throws InterruptedException {
    commands.println("stop-non-manager");
    return await("STOPPED ", 120).substring("STOPPED ".length()).trim();
  }

  private String await(String prefix, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(500, TimeUnit.MILLISECONDS);
      if (line != null && line.startsWith(prefix)) return line;
      if (line != null && line.startsWith("ERROR")) throw new IllegalStateException(line);
      if (line == null && !process.isAlive()) break;
    }
    throw new IllegalStateException("the OpenSearch test cluster did not print " + prefix.trim() + " (see " + log
        + " and its .err twin)");
  }

  @Override
  public void close() {
    commands.println("quit");
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  static OpenSearchCluster start() throws IOException, InterruptedException {
    Path project = Fixtures.project();
    Path launcher = project.resolve("opensearch-test-cluster");
    Path plugin = project.resolve("opensearch-plugin");
    Path launcherJar = launcher.resolve("target/bayan-opensearch-test-cluster.jar");
    Path classpath = launcher.resolve("target/classpath.txt");
    Path pluginJar = plugin.resolve("target/bayan-analysis-0.1.0-SNAPSHOT.jar");
    if (stale(pluginJar, plugin, project.resolve("src/main/java/org/bayan/analysis"), project.resolve("src/main/resources"))) {
      maven(plugin, "package");
    }
    if (stale(launcherJar, launcher) || !Files.exists(classpath)) {
      maven(launcher, "package", "dependency:build-classpath");
    }
    Path work = Files.createTempDirectory("bayan-opensearch-");
    Path log = project.resolve("target/opensearch-test-cluster.log");
    Files.createDirectories(log.getParent());
    Files.deleteIfExists(log);
    String cp = launcherJar + java.io.File.pathSeparator + pluginJar + java.io.File.pathSeparator
        + Files.readString(classpath).trim();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
        "-cp", cp, "org.bayan.testcluster.ClusterLauncher", work.toString(), Integer.toString(NODES), PLUGIN_CLASS)
        .redirectError(Path.of(log + ".err").toFile())
        .start();
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
    try {
      return new OpenSearchCluster(p, log);
    } catch (RuntimeException | InterruptedException | IOException e) {
      p.destroyForcibly();
      throw e;
    }
  }

  // True when the artifact is missing or older than any file in the given source folders.
  private static boolean stale(Path artifact, Path... sources) throws IOException {
    if (!Files.exists(artifact)) return true;
    long built = Files.getLastModifiedTime(artifact).toMillis();
    for (Path dir : sources) {
      if (!Files.exists(dir)) continue;
      try (Stream<Path> files = Files.walk(dir)) {
        boolean newer = files.filter(Files::isRegularFile)
            .filter(f -> !f.startsWith(dir.resolve("target")))
            .anyMatch(f -> {
              try {
                return Files.getLastModifiedTime(f).toMillis() > built;
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
        if (newer) return true;
      }
    }
    return false;
  }

  private static void maven(Path module, String... goals) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(mavenCommand(), "-q", "-B", "-ntp", "-f", module.resolve("pom.xml").toString()));
    cmd.addAll(Arrays.asList(goals));
    Path out = Files.createTempFile("bayan-mvn-", ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("building " + module + " failed (" + String.join(" ", cmd) + "):\n"
          + Files.readString(out));
    }
  }

  private static String mavenCommand() {
    String home = System.getProperty("maven.home");
    if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) return Path.of(home, "bin", "mvn").toString();
    return "mvn";
  }

  /** Injects the shared cluster, started on first use and stopped when the test run ends. */
  public static final class Extension implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
      return p.getParameter().getType() == OpenSearchCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
      return c.getRoot().getStore(ExtensionContext.Namespace.create(OpenSearchCluster.class))
          .getOrComputeIfAbsent("cluster", k -> {
            try {
              return new Holder(OpenSearchCluster.start());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException(e);
            }
          }, Holder.class).cluster;
    }
  }

  private record Holder(OpenSearchCluster cluster) implements AutoCloseable {
    @Override
    public void close() {
      cluster.close();
    }
  }
}
