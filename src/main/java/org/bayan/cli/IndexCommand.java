package org.bayan.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bayan.ingest.IndexSummary;
import org.bayan.ingest.Indexer;
import org.bayan.ingest.RejectsReport;
import org.bayan.ingest.ReleaseParser;
import org.bayan.statement.Agency;
import org.bayan.store.AgencyRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "index", mixinStandardHelpOptions = true,
    description = "Validate release files (.jsonl, .jsonl.gz; folders are searched), store the accepted "
        + "releases and index them. Bad records are reported with file:line and never stop the rest.")
final class IndexCommand implements Callable<Integer> {
  @Mixin DataOptions data;
  @Mixin EngineOptions engineOptions;
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "Release files or folders.")
  List<Path> paths;

  @Option(names = "--watch", paramLabel = "DIR",
      description = "Keep running: ingest release files that appear or change in DIR, once each has stopped "
          + "growing (size unchanged between two looks). Re-ingesting a file changes only what is new.")
  Path watch;

  @Option(names = "--watch-interval", paramLabel = "MS", defaultValue = "1000",
      description = "How often the watched folder is looked at. Default: ${DEFAULT-VALUE}.")
  long watchIntervalMs;

  @Option(names = "--agencies", paramLabel = "FILE",
      description = "Register the agencies in this file first (an agencies.json beside the releases is "
          + "registered automatically).")
  Path agenciesFile;

  @Option(names = "--strict", description = "Exit with status 1 if any record is rejected.")
  boolean strict;

  @Option(names = "--max-body-chars", defaultValue = "" + ReleaseParser.DEFAULT_MAX_BODY_CHARS,
      description = "Reject releases whose body is longer. Default: ${DEFAULT-VALUE}.")
  int maxBodyChars;

  @Override
  public Integer call() throws Exception {
    if (watch != null) return watch();
    if (paths == null || paths.isEmpty()) throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), "give release files or folders, or --watch DIR");
    IndexSummary summary = run(data.data(), data.analyzers(), engineOptions.backend(spec), paths, agenciesFile, maxBodyChars);
    return strict && summary.rejected() > 0 ? 1 : 0;
  }

  private int watch() throws Exception {
    if (!java.nio.file.Files.isDirectory(watch)) throw new java.io.IOException(watch + ": not a folder");
    try (Engine engine = Engine.open(data.data(), data.analyzers(), false)) {
      if (agenciesFile != null) engine.agencies.register(readAgencies(agenciesFile));
      Indexer indexer = new Indexer(engine.store, engine.agencies, engine.sync,
          new RejectsReport(engine.layout.rejectsFile()), maxBodyChars, System.out, System.err, false);
      System.out.println("watching " + watch.toAbsolutePath() + " (Ctrl-C to stop)");
      new org.bayan.ingest.FolderWatcher(watch, file -> {
        IndexSummary s = indexer.run(List.of(file));
        if (engine.sync != null) engine.index.refresh();
        System.out.println(file + ": " + s);
      }).run(watchIntervalMs);
    }
    return 0;
  }

  static IndexSummary run(Path dataDir, Path analyzersDir, List<Path> paths, Path agenciesFile, int maxBodyChars)
      throws Exception {
    return run(dataDir, analyzersDir, SearchBackend.LUCENE, paths, agenciesFile, maxBodyChars);
  }

  static IndexSummary run(Path dataDir, Path analyzersDir, SearchBackend backend, List<Path> paths, Path agenciesFile,
      int maxBodyChars) throws Exception {
    try (Engine engine = Engine.open(dataDir, analyzersDir, false, backend)) {
      if (agenciesFile != null) {
        List<Agency> list = readAgencies(agenciesFile);
        int added = engine.agencies.register(list);
        System.err.println("registered " + added + " new agencies from " + agenciesFile);
      }
      engine.store.lastRepair().ifPresent(System.err::println);
      if (engine.sync == null) {
        System.err.println("a running server holds the index: releases go to the store and the server indexes them");
      }
      Indexer indexer = new Indexer(engine.store, engine.agencies, engine.sync,
          new RejectsReport(engine.layout.rejectsFile()), maxBodyChars, System.out, System.err,
          System.console() != null);
      // Ctrl-C (or a kill) stops the JVM mid-run: say what was stored by then, all of it durable, and that the
      // same command picks up where it stopped (what is stored already counts as unchanged).
      Thread report = new Thread(() -> {
        System.out.println();
        System.out.println("interrupted: " + indexer.summarySoFar() + " so far; everything counted is stored. "
            + "Run the same command again to index the rest.");
        System.out.flush();
      }, "bayan-index-interrupted");
      Runtime.getRuntime().addShutdownHook(report);
      IndexSummary summary;
      try {
        summary = indexer.run(paths);
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(report);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running or will: it prints the summary
        }
      }
      System.out.println(summary);
      if (summary.rejected() > 0) System.out.println("rejections written to " + engine.layout.rejectsFile());
      return summary;
    }
  }

  // Entries left out are named with their line; the others are registered.
  private static List<Agency> readAgencies(Path file) {
    AgencyRegistry.AgencyFile read = AgencyRegistry.read(file);
    read.problems().forEach(p -> System.err.println("agencies file: " + p));
    return read.agencies();
  }
}
