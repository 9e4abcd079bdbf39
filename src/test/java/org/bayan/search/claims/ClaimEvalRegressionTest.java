package org.bayan.search.claims;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bayan.analysis.AnalyzerRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claim retrieval quality as a regression test: on ans-train and ans-dev, the claim path and the keyword
 * path (for comparison) must each stay within {@value #SLACK} of the values in {@code eval/claims-expected.tsv}.
 */
class ClaimEvalRegressionTest {
  static final double SLACK = 0.005;
  static final Path EXPECTED = Path.of("eval/claims-expected.tsv");

  @TempDir Path tmp;

  record Expected(String set, String path, double ndcg10, double mrr10, double recall100) {}

  static List<Expected> expected() throws IOException {
    List<Expected> out = new ArrayList<>();
    for (String line : Files.readAllLines(EXPECTED)) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("set\t")) continue;
      String[] f = line.split("\t");
      out.add(new Expected(f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])));
    }
    return out;
  }

  @Test
  void claim_lookup_keeps_its_quality_on_ans() throws Exception {
    List<String> drops = new ArrayList<>();
    List<Expected> all = expected();
    try (AnalyzerRegistry analyzers = AnalyzerRegistry.load(Path.of("analyzers"))) {
      for (String set : all.stream().map(Expected::set).distinct().toList()) {
        try (ClaimEval eval = ClaimEval.open(set, analyzers, tmp.resolve(set))) {
          for (Expected e : all.stream().filter(x -> x.set().equals(set)).toList()) {
            ClaimEval.Scores s = e.path().equals("claim") ? eval.claims(ClaimTuning.DEFAULT) : eval.keyword();
            System.out.println(s.row());
            check(drops, e, "nDCG@10", e.ndcg10(), s.ndcg10());
            check(drops, e, "MRR@10", e.mrr10(), s.mrr10());
            check(drops, e, "Recall@100", e.recall100(), s.recall100());
          }
        }
      }
    }
    if (!drops.isEmpty()) fail(String.join("\n", drops));
  }

  private static void check(List<String> drops, Expected e, String measure, double expected, double actual) {
    if (actual < expected - SLACK) {
      drops.add(String.format("%s %s %s: expected %.4f, actual %.4f, difference %+.4f", e.set(), e.path(), measure,
          expected, actual, actual - expected));
    }
  }
}
