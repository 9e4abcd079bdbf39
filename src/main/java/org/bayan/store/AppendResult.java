package org.bayan.store;

import org.bayan.statement.StatementVersion;

/** What the store did with one submitted release. {@code version} is the stored (or current) version. */
public record AppendResult(Outcome outcome, StatementVersion version) {
  public enum Outcome {
    ADDED,
    UPDATED,
    UNCHANGED
  }
}
