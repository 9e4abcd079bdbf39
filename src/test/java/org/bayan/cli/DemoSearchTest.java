package org.bayan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bayan.ingest.IndexSummary;
import org.bayan.testing.Fixtures;
import org.bayan.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the bundled demo set: index it as {@code bayan demo} does, serve it, and find known
 * statements with queries spelled differently from the stored text (hamza, diacritics, ة/ه).
 */
class DemoSearchTest {
  @TempDir static Path tmp;
  static TestServer server;
  static IndexSummary summary;

  @BeforeAll
  static void indexDemo() throws Exception {
    Path demo = Fixtures.project().resolve("demo");
    summary = IndexCommand.run(tmp, Fixtures.analyzers(), List.of(demo.resolve("releases.jsonl.gz")),
        demo.resolve("agencies.json"), 200_000);
    server = TestServer.start(tmp);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static List<String> ids(String q) throws Exception {
    JsonNode j = server.get("/api/search?size=5&q=" + TestServer.enc(q)).json();
    List<String> ids = new ArrayList<>();
    j.get("hits").forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  @Test
  void the_whole_demo_set_is_accepted() {
    assertTrue(summary.added() >= 1_000, summary.toString());
    assertEquals(0, summary.rejected(), summary.rejections().toString());
  }

  @Test
  void teh_marbuta_typed_as_heh_finds_the_government() throws Exception {
    JsonNode j = server.get("/api/search?q=" + TestServer.enc("الحكومه")).json();
    assertTrue(j.get("total").asInt() > 50, j.toString());
    for (JsonNode h : j.get("hits")) {
      String text = h.get("title").asText() + h.get("snippet").asText();
      assertTrue(text.contains("<mark>الحكومة") || text.contains("<mark>حكومة") || text.contains("<mark>للحكومة"),
          "hit without a marked الحكومة: " + h);
    }
  }

  @Test
  void a_headline_typed_with_diacritics_and_other_spellings_finds_its_statement() throws Exception {
    // Stored: "رئيس الحكومة يجري تحويرا وزاريا"
    assertEquals("ant-JA-localNews-1796-20170225", ids("رَئِيسُ الحُكومه يُجْرِي تَحْوِيراً وِزارِيّاً").getFirst());
    // Stored: "وزارة الشؤون الثقافية تضع حدا لتكليف إبراهيم لطيف"
    assertEquals("ant-JA-culture-23-20161114", ids("وزاره الشؤون الثقافيه تضع حداً لتكليف ابراهيم لطيف").getFirst());
    // Stored: "إعفاء التجهيزات الاعلامية من المعاليم الديوانية قريبا"
    assertEquals("ant-JA-economy-276-20170523", ids("اعفاء التجهيزات الإعلاميّة من المعاليم الديوانيه").getFirst());
  }

  @Test
  void english_statements_are_found_too() throws Exception {
    JsonNode j = server.get("/api/search?lang=en&q=" + TestServer.enc("released the following statement")).json();
    assertTrue(j.get("total").asInt() >= 300, j.get("total").toString());
  }
}
