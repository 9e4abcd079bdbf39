package org.bayan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.bayan.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Choosing the engine on the command line: mistakes are named, an unreachable cluster is said to be one. */
class EngineOptionsTest {
  @TempDir Path tmp;

  private record Run(int status, String err) {}

  private Run run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cmd = BayanCommand.commandLine();
    cmd.setErr(new PrintWriter(err, true));
    return new Run(cmd.execute(args), err.toString());
  }

  @Test
  void opensearch_without_a_url_is_a_usage_error_naming_the_option() {
    Run r = run("reindex", "--data", tmp.toString(), "--analyzers", Fixtures.analyzers().toString(),
        "--engine", "opensearch");
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("--opensearch-url"), r.err());
  }

  @Test
  void an_unknown_engine_is_a_usage_error() {
    Run r = run("reindex", "--data", tmp.toString(), "--engine", "solr");
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("--engine"), r.err());
  }

  @Test
  void an_unreachable_cluster_is_named_and_the_data_folder_is_left_usable() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // free once closed: nothing listens there
    }
    String url = "http://127.0.0.1:" + port;
    Run r = run("reindex", "--data", tmp.resolve("data").toString(), "--analyzers", Fixtures.analyzers().toString(),
        "--engine", "opensearch", "--opensearch-url", url);
    assertEquals(1, r.status(), r.err());
    assertTrue(r.err().contains("no OpenSearch node answered") && r.err().contains(url), r.err());
    // The log lock was released: the embedded engine opens the same folder.
    try (Engine e = Engine.open(tmp.resolve("data"), Fixtures.analyzers(), true)) {
      assertEquals(0, e.store.statementCount());
    }
  }
}
