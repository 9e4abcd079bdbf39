package org.bayan.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.bayan.search.DuplicateRef;
import org.bayan.search.claims.Citations;
import org.bayan.search.claims.ClaimHit;
import org.bayan.search.claims.ClaimRequest;
import org.bayan.search.claims.ClaimResponse;
import org.bayan.search.claims.Coverage;
import org.bayan.search.claims.Evidence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "claim", mixinStandardHelpOptions = true,
    description = "Look up a claim: the statements that confirm or deny it, with their evidence sentences "
        + "(matched words between [ and ]) and a citation with absolute permalinks. Reads the index of the data "
        + "folder read-only (or, with --engine opensearch, the cluster's), so it works while a server runs on it.")
final class ClaimCommand implements Callable<Integer> {
  @Mixin DataOptions data;
  @Mixin EngineOptions engineOptions;
  @Mixin PublicUrlOptions publicUrl;
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The claim, as prose (words may be separate arguments).")
  List<String> words;

  @Option(names = "--type", paramLabel = "TYPE", description = "Keep statements of this type (denial, clarification, ...).")
  List<String> types;

  @Option(names = "--agency", paramLabel = "SLUG", description = "Keep statements of this agency.")
  List<String> agencies;

  @Option(names = "--lang", paramLabel = "LANG", description = "Keep statements in ar or en.")
  String lang;

  @Option(names = "--from", paramLabel = "DATE", description = "Published on or after (2024-05-01).")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Published on or before.")
  String to;

  @Option(names = {"-n", "--limit"}, defaultValue = "5", description = "How many statements. Default: ${DEFAULT-VALUE}.")
  String limit;

  @Override
  public Integer call() throws Exception {
    ClaimRequest req = ClaimRequest.parse(String.join(" ", words), lang, agencies, from, to, types, limit,
        publicUrl.origin());
    try (Engine engine = Engine.openForReading(data.data(), data.analyzers(), engineOptions.backend(spec))) {
      ClaimResponse r = engine.claims().search(req);
      System.out.printf("claim words: %s%n", String.join(" ", r.claimWords()));
      if (!r.notInIndex().isEmpty()) {
        System.out.printf("in no statement: %s (no hit can confirm or deny them)%n", String.join(" ", r.notInIndex()));
      }
      System.out.printf("%,d statements match; the best %d:%n", r.total(), r.hits().size());
      int rank = 1;
      for (ClaimHit h : r.hits()) {
        System.out.printf("%n%d. %s  [%s]  %s  %s%n", rank++, plain(h.title()), h.agency().id(), date(h.publishedAt()),
            h.type() == null ? "" : "type: " + h.type());
        System.out.println("   " + coverage(h, r.weakMatchBelow()));
        for (DuplicateRef d : h.alsoPublishedBy()) {
          System.out.printf("   also published as %s [%s] %s%n", d.id(), d.agency().id(), date(d.publishedAt()));
        }
        for (Evidence e : h.evidence()) System.out.printf("   %d-%d: %s%n", e.start(), e.end(), plain(e.text()));
        System.out.println("   " + h.citation());
      }
    }
    return 0;
  }

  /** A publication date as the day it is (never a timestamp). */
  static String date(String publishedAt) {
    return Citations.day(publishedAt);
  }

  /** How much of the claim a hit covers, its words as the claim writes them, and the weak-match warning. */
  static String coverage(ClaimHit h, double weakBelow) {
    Coverage c = h.coverage();
    String line = String.format("covers %d%% of the claim", Math.round(c.share() * 100));
    if (h.weakMatch()) {
      line += String.format(" - WEAK MATCH (below %d%%): it shares little of the claim; check it speaks of it",
          Math.round(weakBelow * 100));
    }
    if (!c.matched().isEmpty()) line += "; has: " + String.join(" ", c.matched());
    if (!c.missing().isEmpty()) line += "; lacks: " + String.join(" ", c.missing());
    return line;
  }

  /** The HTML fragments of an answer as terminal text: marks as brackets, entities decoded. */
  static String plain(String html) {
    return html.replace("<mark>", "[").replace("</mark>", "]").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&quot;", "\"").replace("&#x27;", "'").replace("&#x2F;", "/").replace("&amp;", "&");
  }
}
