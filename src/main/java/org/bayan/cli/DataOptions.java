package org.bayan.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command that opens a data folder takes. */
final class DataOptions {
  @Option(names = "--data", paramLabel = "DIR",
      description = "Data folder holding the store, log and index (default: index-data in the Bayan folder).")
  Path data;

  @Option(names = "--analyzers", paramLabel = "DIR",
      description = "Folder of analyzer definitions (default: analyzers in the Bayan folder).")
  Path analyzers;

  Path data() {
    return data != null ? data : Home.resolve("index-data");
  }

  Path analyzers() {
    return analyzers != null ? analyzers : Home.resolve("analyzers");
  }
}
