package org.bayan.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.bayan.search.claims.ClaimHit;
import org.bayan.search.claims.ClaimRequest;
import org.bayan.search.claims.ClaimResponse;
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
      System.out.printf("terms: %s%n%,d statements match; the best %d:%n", String.join(" ", r.terms()), r.total(),
          r.hits().size());
      int rank = 1;
      for (ClaimHit h : r.hits()) {
        System.out.printf("%n%d. %s  [%s]  %s  %s%n", rank++, plain(h.title()), h.agency().id(), date(h.publishedAt()),
            h.type() == null ? "" : "type: " + h.type());
        for (Evidence e : h.evidence()) System.out.printf("   %d-%d: %s%n", e.start(), e.end(), plain(e.text()));
        System.out.println("   " + h.citation());
      }
    }
    return 0;
  }

  /** A publication date as the day it is (never a timestamp). */
  static String date(String publishedAt) {
    return org.bayan.search.claims.Citations.day(publishedAt);
  }

  /** The HTML fragments of an answer as terminal text: marks as brackets, entities decoded. */
  static String plain(String html) {
    return html.replace("<mark>", "[").replace("</mark>", "]").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&quot;", "\"").replace("&#x27;", "'").replace("&#x2F;", "/").replace("&amp;", "&");
  }
}
