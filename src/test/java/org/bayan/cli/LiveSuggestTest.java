package org.bayan.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.bayan.testing.Fixtures;
import org.bayan.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveSuggestTest {
  @TempDir Path tmp;

  @Test
  void a_statement_indexed_while_serving_is_suggested() throws Exception {
    Path data = tmp.resolve("data");
    Path in = tmp.resolve("in");
    Fixtures.agencies(in, "moi");
    try (TestServer server = TestServer.start(data)) {
      Fixtures.lines(in.resolve("new.jsonl"), List.of(Fixtures.release(
          "live-1", "moi", "إجراءات استثنائية لمواجهة العاصفة", "أعلنت الوزارة عن إجراءات استثنائية", "2024-05-01")));
      IndexCommand.run(data, Fixtures.analyzers(), List.of(in), null, 10_000);
      long deadline = System.nanoTime() + 5_000_000_000L;
      String body = "";
      while (System.nanoTime() < deadline && !body.contains("live-1")) {
        body = server.get("/api/suggest?q=" + TestServer.enc("استثنائيه لمو")).body();
        Thread.sleep(50);
      }
      assertTrue(body.contains("live-1"), body);
    }
  }
}
