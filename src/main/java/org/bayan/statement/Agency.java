package org.bayan.statement;

import java.util.List;
import java.util.Optional;

/**
 * An agency (or other registered source) that issues releases. {@code id} is a slug; {@code keys} are the
 * public keys its signed releases are checked against (empty for an agency that does not sign).
 */
public record Agency(String id, String nameAr, String nameEn, String kind, String website, List<AgencyKey> keys) {
  public Agency {
    if (id == null || id.isBlank()) throw new IllegalArgumentException("agency id is required");
    keys = keys == null ? List.of() : List.copyOf(keys);
  }

  /** An agency without signing keys. */
  public Agency(String id, String nameAr, String nameEn, String kind, String website) {
    this(id, nameAr, nameEn, kind, website, List.of());
  }

  /** The name to show: Arabic when there is one, else English, else the slug. */
  public String displayName() {
    if (nameAr != null && !nameAr.isBlank()) return nameAr;
    if (nameEn != null && !nameEn.isBlank()) return nameEn;
    return id;
  }

  /** The key with this id, if the agency registered one. */
  public Optional<AgencyKey> key(String keyId) {
    return keys.stream().filter(k -> k.id().equals(keyId)).findFirst();
  }

  /** This agency with one more key. */
  public Agency withKey(AgencyKey key) {
    if (key(key.id()).isPresent()) {
      throw new IllegalArgumentException("agency " + id + " already has a key with id " + key.id());
    }
    List<AgencyKey> more = new java.util.ArrayList<>(keys);
    more.add(key);
    return new Agency(id, nameAr, nameEn, kind, website, more);
  }
}
