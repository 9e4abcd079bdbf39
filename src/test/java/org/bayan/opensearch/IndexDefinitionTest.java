package org.bayan.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index definition is generated from analyzers/ and Fields: what a cluster operator would inspect. */
class IndexDefinitionTest {
  @TempDir Path tmp;

  @Test
  void every_chain_becomes_a_custom_analyzer_with_its_word_lists_inlined() throws Exception {
    try (AnalyzerRegistry registry = AnalyzerRegistry.load(Fixtures.analyzers())) {
      JsonNode body = new IndexDefinition(registry, 2, 1).createIndexBody();
      JsonNode analysis = body.path("settings").path("analysis");
      for (String name : registry.definitions().keySet()) {
        assertEquals("custom", analysis.path("analyzer").path(name).path("type").asText(), name);
      }
      JsonNode arabic = analysis.path("analyzer").path("arabic");
      assertEquals("standard", arabic.path("tokenizer").asText());
      List<String> filters = new ArrayList<>();
      arabic.path("filter").forEach(f -> filters.add(f.asText()));
      assertEquals("lowercase", filters.getFirst());
      assertTrue(filters.containsAll(List.of("decimal_digit", "arabic_normalization")), filters.toString());
      JsonNode stop = filters.stream().map(f -> analysis.path("filter").path(f))
          .filter(f -> f.path("type").asText().equals("stop")).findFirst().orElseThrow();
      assertEquals("stop", stop.path("type").asText());
      assertTrue(stop.path("ignore_case").asBoolean());
      List<String> words = Files.readAllLines(Fixtures.analyzers().resolve("stopwords_ar.txt")).stream()
          .map(String::trim).filter(w -> !w.isEmpty() && !w.startsWith("#")).toList();
      assertEquals(words.size(), stop.path("stopwords").size());
    }
  }

  @Test
  void text_fields_keep_bayans_names_with_their_exact_twins() {
    try (AnalyzerRegistry registry = AnalyzerRegistry.load(Fixtures.analyzers())) {
      JsonNode props = new IndexDefinition(registry, 2, 1).mappings().path("properties");
      JsonNode bodyAr = props.path("body").path("properties").path("ar");
      assertEquals("arabic", bodyAr.path("analyzer").asText());
      assertEquals("arabic_exact", bodyAr.path("fields").path("exact").path("analyzer").asText());
      assertEquals("english", props.path("title").path("properties").path("en").path("analyzer").asText());
      assertEquals("keyword", props.path("agency").path("type").asText());
      assertEquals("date", props.path("published_at").path("type").asText());
    }
  }

  @Test
  void a_filter_without_a_builtin_twin_goes_through_the_plugin_with_its_files_inlined() throws Exception {
    Path dir = tmp.resolve("analyzers");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("keep.txt"), "بيان\nوزارة\n");
    Files.writeString(dir.resolve("custom.json"), """
        {"tokenizer": {"name": "standard"},
         "filters": [{"name": "keepWord", "params": {"words": "keep.txt", "ignoreCase": "true"}}]}
        """);
    try (AnalyzerRegistry registry = AnalyzerRegistry.load(dir)) {
      IndexDefinition def = new IndexDefinition(registry, 1, 0);
      JsonNode analysis = def.analysis();
      String name = analysis.path("analyzer").path("custom").path("filter").get(0).asText();
      JsonNode f = analysis.path("filter").path(name);
      assertEquals(IndexDefinition.PLUGIN_FILTER, f.path("type").asText());
      assertEquals("keepWord", f.path("spi").asText());
      assertEquals("keep.txt", f.path("words").asText());
      assertEquals("بيان", f.path("words_lines").get(0).asText());
      Files.writeString(dir.resolve("keep.txt"), "بيان\n");
      try (AnalyzerRegistry changed = AnalyzerRegistry.load(dir)) {
        assertNotEquals(def.fingerprint(), new IndexDefinition(changed, 1, 0).fingerprint(),
            "a changed word list calls for a reindex");
      }
    }
  }
}
