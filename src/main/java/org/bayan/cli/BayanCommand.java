package org.bayan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bayan}: the entry point of every subcommand. */
@Command(
    name = "bayan",
    mixinStandardHelpOptions = true,
    versionProvider = BayanCommand.Version.class,
    description = "Bayan (بيان): search engine for verified official statements.",
    subcommands = {
      ServeCommand.class, IndexCommand.class, ReindexCommand.class, DemoCommand.class, AgencyCommand.class,
      KeysCommand.class, SignCommand.class, VerifyCommand.class, SearchCommand.class, ClaimCommand.class, EvalCommand.class,
      ApiKeysCommand.class, FetchCommand.class, FetchPageCommand.class, BenchFreshnessCommand.class,
      RejectsCommand.class, SnapshotCommand.class, RestoreCommand.class,
      CommandLine.HelpCommand.class
    })
public final class BayanCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /**
   * Lucene reports at INFO, on stderr, that it uses the Vector API at every start; held here so the setting
   * outlives garbage collection (loggers are weakly referenced).
   */
  private static final java.util.logging.Logger LUCENE_VECTORS =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  public static void main(String[] args) {
    LUCENE_VECTORS.setLevel(java.util.logging.Level.WARNING);
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new BayanCommand())
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          cmd.getErr().println("bayan " + cmd.getCommandName() + ": " + describe(e));
          if (System.getenv("BAYAN_DEBUG") != null) e.printStackTrace(cmd.getErr());
          return 1;
        });
  }

  /**
   * An exception's message with its causes' ("cannot append to ...: No space left on device"): the cause is
   * what an operator acts on, and the stack trace is only shown with BAYAN_DEBUG.
   */
  static String describe(Throwable e) {
    String out = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      String m = c.getMessage();
      if (m != null && !m.isBlank() && !out.contains(m)) out = out + ": " + m;
    }
    return out;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws java.io.IOException {
      return new String[] {"bayan " + version()};
    }
  }

  /** The project's version, written into the build by Maven (version.properties) and the jar's manifest. */
  static String version() throws java.io.IOException {
    try (var in = BayanCommand.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        var p = new java.util.Properties();
        p.load(in);
        String v = p.getProperty("version");
        if (v != null && !v.isBlank() && !v.startsWith("${")) return v;
      }
    }
    String v = BayanCommand.class.getPackage().getImplementationVersion();
    return v == null ? "unknown (not built by Maven)" : v;
  }
}
