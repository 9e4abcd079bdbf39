package org.bayan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bayan.statement.Agency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgencyFeedsRegistryTest {
  @TempDir Path dir;

  @Test
  void the_existing_format_still_reads_and_feeds_and_pages_survive_a_rewrite() throws Exception {
    Path file = dir.resolve("agencies.json");
    Files.writeString(file, """
        [{"id":"old","name_en":"Old style","kind":"ministry"},
         {"id":"spa","name_en":"SPA","feeds":["https://spa.example/rss.xml"],
          "pages":{"urls":["https://spa.example/news/"],"body":"div.news-body"}}]""");
    AgencyRegistry registry = new AgencyRegistry(file);
    assertEquals(List.of(), registry.get("old").orElseThrow().feeds());
    assertNull(registry.get("old").orElseThrow().pages());
    registry.register(List.of(new Agency("new", null, "New", null, null)));

    Agency spa = new AgencyRegistry(file).get("spa").orElseThrow();
    assertEquals(List.of("https://spa.example/rss.xml"), spa.feeds());
    assertEquals("div.news-body", spa.pages().body());
    assertNull(spa.pages().title());
    assertTrue(spa.pages().allows("https://spa.example/news/17"));
    assertTrue(!spa.pages().allows("https://evil.example/news/17"));
  }

  @Test
  void a_feed_that_is_not_an_http_url_is_refused_by_name() throws Exception {
    Path file = dir.resolve("agencies.json");
    Files.writeString(file, "[{\"id\":\"x\",\"feeds\":[\"file:///etc/passwd\"]}]");
    AgencyRegistry.AgencyFile read = AgencyRegistry.read(file);
    assertTrue(read.agencies().isEmpty());
    assertTrue(read.problems().getFirst().contains(file + ":1: agency 'x': feeds: 'file:///etc/passwd' is not an http(s) URL"),
        read.problems().toString());
  }
}
