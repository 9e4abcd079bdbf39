package org.bayan.search.claims;

import java.nio.file.Path;
import org.bayan.analysis.AnalyzerRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the claim weights were chosen: a sweep on ans-train, printed, never asserted. Run with
 * {@code mvn -o test -Dtest=ClaimTuningSweep -Dclaims.sweep=true}.
 */
@EnabledIfSystemProperty(named = "claims.sweep", matches = "true")
class ClaimTuningSweep {
  @TempDir Path tmp;

  @Test
  void sweep() throws Exception {
    String set = System.getProperty("claims.set", "ans-train");
    try (AnalyzerRegistry analyzers = AnalyzerRegistry.load(Path.of("analyzers"));
        ClaimEval eval = ClaimEval.open(set, analyzers, tmp.resolve("index"))) {
      System.out.println(eval.keyword().row());
      ClaimTuning d = ClaimTuning.DEFAULT;
      System.out.println("default " + eval.claims(d).row());
      String only = System.getProperty("claims.only", "all");
      if (only.equals("all") || only.equals("base")) {
        ClaimTuning bare = d.withVariantBoost(0).withPair(0, 0).withNumberBoost(1);
        System.out.println("bare " + eval.claims(bare).row());
        for (float e : new float[] {0.5f, 1f}) System.out.println("bare idf^" + e + " " + eval.claims(bare.withIdfExponent(e)).row());
        for (float v : new float[] {0.3f, 0.6f, 1f}) System.out.println("bare+variant " + v + " " + eval.claims(bare.withVariantBoost(v)).row());
        for (float p : new float[] {0.1f, 0.3f, 0.6f}) System.out.println("bare+pair " + p + " " + eval.claims(bare.withPair(p, 3)).row());
        for (float nb : new float[] {1.5f, 2f}) System.out.println("bare+number " + nb + " " + eval.claims(bare.withNumberBoost(nb)).row());
      }
      if (only.equals("all") || only.equals("fuzzy")) {
        ClaimTuning v = d.withVariantBoost(0.6f).withPair(0, 0).withNumberBoost(1.5f);
        for (float f : new float[] {0.1f, 0.25f, 0.5f}) System.out.println("fuzzy " + f + " " + eval.claims(v.withFuzzyBoost(f)).row());
        for (float p : new float[] {0.02f, 0.05f}) System.out.println("fuzzy .25 pair " + p + " " + eval.claims(v.withFuzzyBoost(0.25f).withPair(p, 3)).row());
      }
      if (only.equals("debug")) {
        ClaimService c = new ClaimService(eval.index, x -> java.util.Optional.empty(), d);
        int shown = 0;
        for (var t : eval.topics.entrySet()) {
          var judged = eval.qrels.get(t.getKey());
          var ranked = c.rankedIds(t.getValue(), 10);
          String rel = judged.keySet().iterator().next();
          if (!ranked.isEmpty() && ranked.get(0).equals(rel)) continue;
          System.out.println("ans- MISS " + t.getValue() + " || want " + eval.text(rel) + " || got " + (ranked.isEmpty() ? "-" : eval.text(ranked.get(0))) + " rank " + ranked.indexOf(rel));
          if (++shown > 40) break;
        }
      }
      if (only.equals("all") || only.equals("bm25")) {
        for (float k1 : new float[] {0.6f, 0.9f, 1.2f, 1.6f}) {
          for (float b : new float[] {0.3f, 0.5f, 0.75f, 0.9f}) {
            System.out.println("bm25 " + k1 + " " + b + " " + eval.claims(d.withBm25(k1, b)).row());
          }
        }
      }
    }
  }
}
