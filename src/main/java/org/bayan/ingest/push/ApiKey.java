package org.bayan.ingest.push;

import java.time.Instant;
import java.util.List;

/**
 * An API key as kept on disk: its name, the SHA-256 of the secret (never the secret), the agencies it may
 * push for (empty: any), its scopes (what it may do: {@link #INGEST} push releases, {@link #ADMIN} operate
 * the server), when it was created and, once revoked, when.
 */
public record ApiKey(String name, String sha256, List<String> agencies, List<String> scopes, Instant createdAt,
    Instant revokedAt) {
  /** May push releases ({@code POST /api/admin/releases}). */
  public static final String INGEST = "ingest";
  /** May operate the server (snapshots and other {@code /api/admin} operations). */
  public static final String ADMIN = "admin";
  public static final List<String> SCOPES = List.of(INGEST, ADMIN);

  public ApiKey {
    agencies = agencies == null ? List.of() : List.copyOf(agencies);
    // Keys written before scopes existed could only push: that is what they keep.
    scopes = scopes == null || scopes.isEmpty() ? List.of(INGEST) : List.copyOf(scopes);
    for (String s : scopes) {
      if (!SCOPES.contains(s)) throw new IllegalArgumentException("unknown scope '" + s + "'; scopes are " + SCOPES);
    }
  }

  public boolean hasScope(String scope) {
    return scopes.contains(scope);
  }

  public boolean active() {
    return revokedAt == null;
  }

  public boolean mayPushFor(String agency) {
    return agencies.isEmpty() || agencies.contains(agency);
  }
}
