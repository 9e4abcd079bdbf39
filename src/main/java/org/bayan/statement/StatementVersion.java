package org.bayan.statement;

import java.time.Instant;

/**
 * One accepted version of a statement as the release store keeps it: the release, its version number
 * (1 for the first), the SHA-256 content hash of its canonical form, when Bayan accepted it, and the
 * store sequence number that orders every version of every statement.
 */
public record StatementVersion(long seq, Release release, int version, String contentHash, Instant ingestedAt) {
  public String id() {
    return release.id();
  }
}
