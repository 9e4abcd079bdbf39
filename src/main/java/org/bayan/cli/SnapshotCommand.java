package org.bayan.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bayan.backup.Snapshots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "snapshot", mixinStandardHelpOptions = true,
    description = {"Write a consistent copy of the data folder (store, transparency log, index, settings and the "
        + "checkpoint signing key) into DIR, with a manifest of sizes and SHA-256 hashes.",
        "While a server runs on the data folder, ask it instead: POST /api/admin/snapshot with an admin-scoped "
            + "API key; it writes under its --snapshot-dir without stopping."})
final class SnapshotCommand implements Callable<Integer> {
  @Mixin DataOptions data;

  @Parameters(index = "0", paramLabel = "DIR", description = "Folder to write (must not exist, or be empty).")
  Path target;

  @Override
  public Integer call() throws IOException {
    Engine engine;
    try {
      engine = Engine.open(data.data(), data.analyzers(), true);
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("another Bayan process")) {
        System.err.println("bayan snapshot: a server (or indexer) has " + data.data() + " open. Ask the server: "
            + "curl -X POST -H 'Authorization: Bearer ADMIN_KEY' http://HOST:PORT/api/admin/snapshot");
        return 2;
      }
      throw e;
    }
    try (engine) {
      Snapshots.Manifest m = new Snapshots(engine.layout, engine.store, engine.index, engine.log, engine.sync).take(target);
      System.out.printf("snapshot in %s: %,d store bytes, %,d log entries, index covers store offset %,d, %d files%n",
          m.dir(), m.storeBytes(), m.logEntries(), m.indexStoreOffset(), m.files());
      return 0;
    }
  }
}
