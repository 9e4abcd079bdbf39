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
    update(done, rejected, what, -1, -1);
  }

  /**
   * Prints if enough time has passed since the last line; with the input's size known ({@code totalBytes} &gt;
   * 0), the share of it read and the time left at the rate so far.
   */
  public void update(long done, long rejected, String what, long bytesDone, long totalBytes) {
    long now = System.nanoTime();
    if (now - lastPrint < intervalNanos) return;
    lastPrint = now;
    out(line(done, rejected, what, bytesDone, totalBytes, seconds()));
  }

  static String line(long done, long rejected, String what, long bytesDone, long totalBytes, double seconds) {
    double rate = seconds > 0 ? done / seconds : 0;
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%,d releases, %,d rejected, %,.0f docs/s",
        done, rejected, rate));
    if (totalBytes > 0 && bytesDone >= 0) {
      double share = Math.min(1, (double) bytesDone / totalBytes);
      b.append(String.format(Locale.ROOT, ", %.0f%% of %s", share * 100, size(totalBytes)));
      if (share > 0 && share < 1 && seconds > 0) {
        b.append(", about ").append(duration(seconds * (1 - share) / share)).append(" left");
      }
    }
    return b.append(" — ").append(what).toString();
  }

  static String size(long bytes) {
    if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%,d KB", (bytes + 1023) / 1024);
    if (bytes < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) return s + " s";
    if (s < 3600) return (s / 60) + " min " + (s % 60) + " s";
    return (s / 3600) + " h " + (s % 3600 / 60) + " min";
  }

  private void out(String line) {
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
