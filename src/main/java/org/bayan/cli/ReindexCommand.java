package org.bayan.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "reindex", mixinStandardHelpOptions = true,
    description = "Rebuild the search index (Lucene, or OpenSearch with --engine opensearch) from the release store "
        + "(after changing analyzers, for example, or when the index is damaged: the old index is not read). "
        + "The embedded index commits as it goes, so an interrupted rebuild goes on from there at the next start; "
        + "an OpenSearch index stays in place until the new one is complete.")
final class ReindexCommand implements Callable<Integer> {
  @Mixin DataOptions data;
  @Mixin EngineOptions engineOptions;
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try (Engine engine = Engine.openForRebuild(data.data(), data.analyzers(), engineOptions.backend(spec))) {
      long start = System.nanoTime();
      engine.derived.deleteAll();
      int n = engine.sync.catchUpAndCommit();
      double s = (System.nanoTime() - start) / 1e9;
      System.out.printf("reindexed %,d statement versions in %.1f s (%,.0f docs/s)%n", n, s, n / Math.max(s, 1e-9));
    }
    return 0;
  }
}
