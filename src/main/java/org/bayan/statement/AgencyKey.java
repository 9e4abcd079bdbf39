package org.bayan.statement;

import java.time.Instant;

/**
 * A public key an agency signs releases with, and when it may be used.
 *
 * @param id the key id releases name in {@code key_id}
 * @param publicKey standard base64 of the raw 32-byte Ed25519 public key
 * @param validFrom first instant the key signs for, inclusive
 * @param validTo instant the key stops signing for, exclusive; null when open-ended
 */
public record AgencyKey(String id, String publicKey, Instant validFrom, Instant validTo) {
  public AgencyKey {
    if (id == null || id.isBlank()) throw new IllegalArgumentException("key id is required");
    if (publicKey == null || publicKey.isBlank()) throw new IllegalArgumentException("key " + id + ": public_key is required");
    if (validFrom == null) throw new IllegalArgumentException("key " + id + ": valid_from is required");
    if (validTo != null && !validTo.isAfter(validFrom)) {
      throw new IllegalArgumentException("key " + id + ": valid_to " + validTo + " is not after valid_from " + validFrom);
    }
  }

  /** True when {@code t} falls in [validFrom, validTo). */
  public boolean covers(Instant t) {
    return !t.isBefore(validFrom) && (validTo == null || t.isBefore(validTo));
  }
}
