package org.bayan.ingest.push;

import java.time.Instant;
import java.util.List;

/**
 * An API key as kept on disk: its name, the SHA-256 of the secret (never the secret), the agencies it may
 * push for (empty: any), when it was created and, once revoked, when.
 */
public record ApiKey(String name, String sha256, List<String> agencies, Instant createdAt, Instant revokedAt) {
  public ApiKey {
    agencies = agencies == null ? List.of() : List.copyOf(agencies);
  }

  public boolean active() {
    return revokedAt == null;
  }

  public boolean mayPushFor(String agency) {
    return agencies.isEmpty() || agencies.contains(agency);
  }
}
