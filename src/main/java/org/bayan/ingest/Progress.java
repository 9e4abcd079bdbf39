package org.bayan.ingest;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long job: a live line redrawn in place on a terminal, a line every few seconds otherwise
 * (logs and CI keep every line they are given).
 */
public final class Progress {
  private final PrintStream out;
  private final boolean live;
  private final long intervalNanos;
  private final long started = System.nanoTime();
  private long lastPrint = started;

  public Progress(PrintStream out, boolean live) {
    this.out = out;
    this.live = live;
    this.intervalNanos = live ? 200_000_000L : 5_000_000_000L;
  }

  /** Prints if enough time has passed since the last line. */
  public void update(long done, long rejected, String what) {
    long now = System.nanoTime();
    if (now - lastPrint < intervalNanos) return;
    lastPrint = now;
    String line = String.format(Locale.ROOT, "%,d releases, %,d rejected, %,.0f docs/s — %s",
        done, rejected, rate(done), what);
    if (live) out.print("\r\033[K" + line);
    else out.println(line);
    out.flush();
  }

  /** Ends the live line so that what follows starts on its own line. */
  public void finish() {
    if (live) {
      out.print("\r\033[K");
      out.flush();
    }
  }

  public double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }

  public double rate(long done) {
    double s = seconds();
    return s > 0 ? done / s : 0;
  }
}
