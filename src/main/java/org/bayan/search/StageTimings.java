package org.bayan.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Time spent in each {@link SearchStage} of one search. A stage that runs more than once (a window widened
 * after collapsing) adds up. Not thread-safe: one per request.
 */
public final class StageTimings {
  private final long[] nanos = new long[SearchStage.values().length];
  private final boolean[] ran = new boolean[nanos.length];

  /** A start time for {@link #stop}. */
  public long start() {
    return System.nanoTime();
  }

  /** Adds the time since {@code startNanos} (from {@link #start}) to {@code stage}. */
  public void stop(SearchStage stage, long startNanos) {
    nanos[stage.ordinal()] += System.nanoTime() - startNanos;
    ran[stage.ordinal()] = true;
  }

  /** Stage name → nanoseconds, for the stages that ran, in stage order. */
  public Map<SearchStage, Long> nanos() {
    Map<SearchStage, Long> out = new LinkedHashMap<>();
    for (SearchStage s : SearchStage.values()) {
      if (ran[s.ordinal()]) out.put(s, nanos[s.ordinal()]);
    }
    return out;
  }

  /** Stage name ({@link SearchStage#param}) → milliseconds to the microsecond, for the stages that ran. */
  public Map<String, Double> millis() {
    Map<String, Double> out = new LinkedHashMap<>();
    nanos().forEach((s, n) -> out.put(s.param(), Math.round(n / 1_000.0) / 1_000.0));
    return out;
  }
}
