package org.bayan.search.claims;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bayan.analysis.AnalyzerRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the weak-match threshold was chosen: on each set, the coverage of the relevant and of the other hits in
 * the first ten of every claim, and for each threshold the share of each that it would mark weak, for the
 * idf-weighted share {@link Coverage} reports and, to compare, the plain share of words. Printed, never asserted. Run with {@code mvn -o test -Dtest=WeakMatchStudy -Dclaims.coverage=true}
 * ({@code -Dclaims.sets=ans-train,ans-dev} by default).
 */
@EnabledIfSystemProperty(named = "claims.coverage", matches = "true")
class WeakMatchStudy {
  @TempDir Path tmp;

  record Seen(int rank, boolean relevant, double share, double countShare) {}

  @Test
  void coverage_of_relevant_and_other_hits() throws Exception {
    try (AnalyzerRegistry analyzers = AnalyzerRegistry.load(Path.of("analyzers"))) {
      for (String set : System.getProperty("claims.sets", "ans-train,ans-dev").split(",")) {
        try (ClaimEval eval = ClaimEval.open(set, analyzers, tmp.resolve(set))) {
          ClaimService claims = new ClaimService(eval.index, a -> Optional.empty());
          List<Seen> seen = new ArrayList<>();
          for (Map.Entry<String, String> t : eval.topics.entrySet()) {
            Map<String, Integer> judged = eval.qrels.get(t.getKey());
            if (judged == null || judged.values().stream().noneMatch(g -> g > 0)) continue;
            List<ClaimHit> hits = claims.search(ClaimRequest.of(t.getValue())).hits();
            for (int i = 0; i < hits.size(); i++) {
              ClaimHit h = hits.get(i);
              int words = h.coverage().matched().size() + h.coverage().missing().size();
              seen.add(new Seen(i + 1, judged.getOrDefault(h.id(), 0) > 0, h.coverage().share(),
                  words == 0 ? 0 : (double) h.coverage().matched().size() / words));
            }
          }
          report(set, "top 10", seen);
          report(set, "top 1", seen.stream().filter(s -> s.rank() == 1).toList());
        }
      }
    }
  }

  private static void report(String set, String which, List<Seen> seen) {
    List<Seen> rel = seen.stream().filter(Seen::relevant).toList();
    List<Seen> other = seen.stream().filter(s -> !s.relevant()).toList();
    System.out.printf("%n%s, %s: %d relevant hits, %d others%n", set, which, rel.size(), other.size());
    System.out.println("threshold\tweighted: relevant marked weak\tothers marked weak\tJ\tcount: relevant weak"
        + "\tothers weak\tJ");
    for (int i = 1; i <= 18; i++) {
      double th = i / 20.0;
      double rw = below(rel, th, false), ow = below(other, th, false), rc = below(rel, th, true), oc = below(other, th, true);
      // J (Youden): others marked weak minus relevant marked weak; the threshold that separates best maximizes it.
      System.out.printf("%.2f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f%n", th, rw, ow, ow - rw, rc, oc, oc - rc);
    }
    System.out.printf("median weighted share: relevant %.3f, others %.3f%n", median(rel), median(other));
  }

  private static double below(List<Seen> l, double th, boolean count) {
    return l.isEmpty() ? 0 : (double) l.stream().filter(s -> (count ? s.countShare() : s.share()) < th).count() / l.size();
  }

  private static double median(List<Seen> l) {
    double[] v = l.stream().mapToDouble(Seen::share).sorted().toArray();
    return v.length == 0 ? 0 : v[v.length / 2];
  }
}
