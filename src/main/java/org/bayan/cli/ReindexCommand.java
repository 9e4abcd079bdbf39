package org.bayan.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "reindex", mixinStandardHelpOptions = true,
    description = "Rebuild the Lucene index from the release store (after changing analyzers, for example). "
        + "The old index stays in place until the new one is committed.")
final class ReindexCommand implements Callable<Integer> {
  @Mixin DataOptions data;

  @Override
  public Integer call() throws Exception {
    try (Engine engine = Engine.open(data.data(), data.analyzers(), true)) {
      long start = System.nanoTime();
      engine.index.deleteAll();
      int n = engine.sync.catchUpAndCommit();
      double s = (System.nanoTime() - start) / 1e9;
      System.out.printf("reindexed %,d statement versions in %.1f s (%,.0f docs/s)%n", n, s, n / Math.max(s, 1e-9));
    }
    return 0;
  }
}
