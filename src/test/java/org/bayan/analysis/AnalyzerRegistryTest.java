package org.bayan.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzerRegistryTest {
  @TempDir Path dir;

  @Test
  void a_chain_declared_as_data_is_built_by_spi_name() throws Exception {
    Files.writeString(dir.resolve("plain.json"),
        "{\"tokenizer\":{\"name\":\"standard\"},\"filters\":[{\"name\":\"lowercase\"}]}");
    try (AnalyzerRegistry r = AnalyzerRegistry.load(dir)) {
      assertEquals(List.of("bayan", "search"), Tokens.of(r.get("plain"), "Bayan SEARCH"));
    }
  }

  @Test
  void an_unknown_filter_stops_startup_naming_the_analyzer_and_file() throws Exception {
    Path f = dir.resolve("broken.json");
    Files.writeString(f, "{\"tokenizer\":{\"name\":\"standard\"},\"filters\":[{\"name\":\"noSuchFilter\"}]}");
    AnalyzerConfigException e = assertThrows(AnalyzerConfigException.class, () -> AnalyzerRegistry.load(dir));
    assertTrue(e.getMessage().contains("'broken'"), e.getMessage());
    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("noSuchFilter"), e.getMessage());
  }

  @Test
  void a_missing_word_file_stops_startup_naming_the_analyzer_and_file() throws Exception {
    Files.writeString(dir.resolve("stops.json"),
        "{\"tokenizer\":{\"name\":\"standard\"},\"filters\":[{\"name\":\"stop\",\"params\":{\"words\":\"missing.txt\"}}]}");
    AnalyzerConfigException e = assertThrows(AnalyzerConfigException.class, () -> AnalyzerRegistry.load(dir));
    assertTrue(e.getMessage().contains("'stops'"), e.getMessage());
    assertTrue(e.getMessage().contains("missing.txt"), e.getMessage());
  }

  @Test
  void asking_for_an_undeclared_analyzer_names_the_folder() throws Exception {
    Files.writeString(dir.resolve("plain.json"), "{\"tokenizer\":{\"name\":\"standard\"}}");
    try (AnalyzerRegistry r = AnalyzerRegistry.load(dir)) {
      AnalyzerConfigException e = assertThrows(AnalyzerConfigException.class, () -> r.get("arabic"));
      assertTrue(e.getMessage().contains("arabic.json"), e.getMessage());
    }
  }

  @Test
  void a_misspelled_key_is_reported() throws Exception {
    Files.writeString(dir.resolve("typo.json"), "{\"tokeniser\":{\"name\":\"standard\"}}");
    AnalyzerConfigException e = assertThrows(AnalyzerConfigException.class, () -> AnalyzerRegistry.load(dir));
    assertTrue(e.getMessage().contains("tokeniser"), e.getMessage());
  }
}
