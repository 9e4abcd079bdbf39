package org.bayan.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.lucene.index.CheckIndex;
import org.bayan.backup.Snapshots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restore", mixinStandardHelpOptions = true,
    description = "Restore a snapshot (bayan snapshot, POST /api/admin/snapshot) into the data folder: checks "
        + "every file against the manifest, copies, replays the store into log and index, and checks the index.")
final class RestoreCommand implements Callable<Integer> {
  @Mixin DataOptions data;

  @Parameters(index = "0", paramLabel = "DIR", description = "The snapshot folder (holding manifest.json).")
  Path snapshot;

  @Option(names = "--force", description = "Replace the store, index, log and settings of a non-empty data folder.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    Snapshots.Manifest m = Snapshots.restore(snapshot, data.data(), force);
    int statements;
    try (Engine engine = Engine.open(data.data(), data.analyzers(), true)) {
      statements = engine.store.statementCount();
    }
    try (var dir = org.apache.lucene.store.FSDirectory.open(new org.bayan.store.DataLayout(data.data()).indexDir());
        CheckIndex check = new CheckIndex(dir)) {
      check.setLevel(CheckIndex.Level.MIN_LEVEL_FOR_INTEGRITY_CHECKS);
      if (!check.checkIndex().clean) {
        System.err.println("bayan restore: the restored index is not clean; run bayan reindex --data " + data.data());
        return 1;
      }
    }
    System.out.printf("restored %s into %s: %,d statements, %,d log entries at snapshot time%n",
        snapshot, data.data(), statements, m.logEntries());
    return 0;
  }
}
