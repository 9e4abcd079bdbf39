package org.bayan.provenance;

import java.nio.file.Path;

/** Child process for the crash test: appends until killed, printing each index once it is acknowledged. */
public final class LogWriterProcess {
  private LogWriterProcess() {}

  public static void main(String[] args) throws Exception {
    try (TransparencyLog log = TransparencyLog.open(Path.of(args[0]))) {
      System.out.println("open " + log.size());
      System.out.flush();
      for (int i = 0; ; i++) {
        long idx = i % 3 == 0
            ? log.appendAll(java.util.List.of(TransparencyLogTest.entry(i), TransparencyLogTest.entry(i + 1_000_000)))
            : log.append(TransparencyLogTest.entry(i));
        System.out.println("acked " + idx + " " + log.size());
        System.out.flush();
      }
    }
  }

}
