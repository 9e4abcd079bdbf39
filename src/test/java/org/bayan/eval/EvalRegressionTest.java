package org.bayan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bayan.analysis.AnalyzerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Retrieval quality as a regression test: every shared test set is run through Bayan's analyzers and search
 * path, and each measure must stay within {@value #SLACK} of the value recorded in {@code eval/expected.tsv}.
 */
class EvalRegressionTest {
  static final double SLACK = 0.005;
  private static final Path EXPECTED = Path.of("eval/expected.tsv");

  private static AnalyzerRegistry analyzers;

  @BeforeAll
  static void load() {
    analyzers = AnalyzerRegistry.load(Path.of("analyzers"));
  }

  @AfterAll
  static void close() {
    analyzers.close();
  }

  record Expected(String set, double ndcg10, double mrr10, double recall100) {}

  static Map<String, Expected> expected() throws IOException {
    Map<String, Expected> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(EXPECTED)) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("set\t")) continue;
      String[] f = line.split("\t");
      out.put(f[0], new Expected(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])));
    }
    return out;
  }

  @Test
  void every_shared_set_has_expected_values() throws IOException {
    Map<String, Expected> expected = expected();
    for (EvalSet set : EvalSet.all(EvalSets.root())) {
      assertTrue(expected.containsKey(set.name()), "no expected values for test set '" + set.name() + "' in " + EXPECTED);
    }
  }

  @TestFactory
  Stream<DynamicTest> bayan_keeps_its_retrieval_quality() throws IOException {
    return expected().values().stream().map(e -> DynamicTest.dynamicTest(e.set(), () -> {
      Scores s = Evaluation.run(EvalSet.in(EvalSets.root().resolve(e.set())),
          docs -> new BayanRetriever(analyzers, docs), null, "bayan");
      List<String> drops = new ArrayList<>();
      check(drops, "nDCG@10", e.ndcg10(), s.ndcg10());
      check(drops, "MRR@10", e.mrr10(), s.mrr10());
      check(drops, "Recall@100", e.recall100(), s.recall100());
      System.out.println(s.row());
      if (!drops.isEmpty()) fail(e.set() + ": " + String.join("; ", drops));
      assertEquals(e.set(), s.set());
    }));
  }

  private static void check(List<String> drops, String measure, double expected, double actual) {
    if (actual < expected - SLACK) {
      drops.add(String.format("%s expected %.4f, actual %.4f, difference %+.4f", measure, expected, actual,
          actual - expected));
    }
  }
}
