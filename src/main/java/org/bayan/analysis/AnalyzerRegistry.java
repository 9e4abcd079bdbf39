package org.bayan.analysis;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;

/**
 * The analyzers declared in an {@code analyzers/} folder, one per {@code NAME.json}, built eagerly so that a
 * wrong definition fails at start-up rather than on the first statement that needs it.
 */
public final class AnalyzerRegistry implements AutoCloseable {
  private final Path dir;
  private final Map<String, Analyzer> analyzers;
  private final Map<String, AnalyzerDefinition> definitions;

  private AnalyzerRegistry(Path dir, Map<String, Analyzer> analyzers, Map<String, AnalyzerDefinition> definitions) {
    this.dir = dir;
    this.analyzers = analyzers;
    this.definitions = definitions;
  }

  /** Loads and builds every {@code *.json} chain in {@code dir}. */
  public static AnalyzerRegistry load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new AnalyzerConfigException("analyzers folder " + dir.toAbsolutePath() + " does not exist", null);
    }
    ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    Map<String, Analyzer> built = new TreeMap<>();
    Map<String, AnalyzerDefinition> defs = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        AnalyzerDefinition def;
        try {
          def = json.readValue(file.toFile(), AnalyzerDefinition.class);
        } catch (IOException e) {
          throw new AnalyzerConfigException(
              "analyzer '" + name + "' (" + file + "): cannot read its definition: " + e.getMessage(), e);
        }
        built.put(name, build(name, file, def, dir));
        defs.put(name, def);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list analyzers folder " + dir, e);
    }
    return new AnalyzerRegistry(dir, built, defs);
  }

  static Analyzer build(String name, Path file, AnalyzerDefinition def, Path resourceDir) {
    String where = "analyzer '" + name + "' (" + file + ")";
    if (def.tokenizer() == null || def.tokenizer().name() == null) {
      throw new AnalyzerConfigException(where + ": no tokenizer declared", null);
    }
    String step = "tokenizer '" + def.tokenizer().name() + "'";
    try {
      CustomAnalyzer.Builder b = CustomAnalyzer.builder(resourceDir);
      for (AnalyzerDefinition.Step s : def.charFilters()) {
        step = "char filter '" + s.name() + "'";
        b.addCharFilter(s.name(), new HashMap<>(s.params()));
      }
      step = "tokenizer '" + def.tokenizer().name() + "'";
      b.withTokenizer(def.tokenizer().name(), new HashMap<>(def.tokenizer().params()));
      for (AnalyzerDefinition.Step s : def.filters()) {
        step = "token filter '" + s.name() + "'";
        b.addTokenFilter(s.name(), new HashMap<>(s.params()));
      }
      return b.build();
    } catch (IOException e) {
      // CustomAnalyzer reads word lists while building; a missing one surfaces here.
      throw new AnalyzerConfigException(where + ", " + step + ": cannot read a file it names: " + e, e);
    } catch (IllegalArgumentException e) {
      throw new AnalyzerConfigException(where + ", " + step + ": " + e.getMessage(), e);
    }
  }

  /** The analyzer called {@code name}, or an exception naming the folder it was looked for in. */
  public Analyzer get(String name) {
    Analyzer a = analyzers.get(name);
    if (a == null) {
      throw new AnalyzerConfigException(
          "no analyzer '" + name + "' in " + dir.toAbsolutePath() + " (expected " + name + ".json; found "
              + analyzers.keySet() + ")", null);
    }
    return a;
  }

  /**
   * Every chain as declared, by name: for engines that build the chains themselves (an OpenSearch index's
   * analysis settings are generated from these).
   */
  public Map<String, AnalyzerDefinition> definitions() {
    return java.util.Collections.unmodifiableMap(definitions);
  }

  public boolean has(String name) {
    return analyzers.containsKey(name);
  }

  public Path dir() {
    return dir;
  }

  @Override
  public void close() {
    analyzers.values().forEach(Analyzer::close);
  }
}
