package org.bayan.statement;

import java.util.List;
import java.util.Optional;

/**
 * An agency (or other registered source) that issues releases. {@code id} is a slug. Optional parts:
 * {@code feeds}, the RSS/Atom feeds Bayan polls for it (the only URLs it fetches for this agency besides its
 * release pages); {@code pages}, how to read its release pages; {@code keys}, the public keys its signed
 * releases are checked against (empty for an agency that does not sign).
 */
public record Agency(
    String id, String nameAr, String nameEn, String kind, String website, List<String> feeds, PageRules pages,
    List<AgencyKey> keys) {
  public Agency {
    if (id == null || id.isBlank()) throw new IllegalArgumentException("agency id is required");
    feeds = feeds == null ? List.of() : List.copyOf(feeds);
    keys = keys == null ? List.of() : List.copyOf(keys);
  }

  /** An agency with names only: no feeds, pages or keys. */
  public Agency(String id, String nameAr, String nameEn, String kind, String website) {
    this(id, nameAr, nameEn, kind, website, List.of(), null, List.of());
  }

  /** An agency with signing keys and no feeds or pages. */
  public Agency(String id, String nameAr, String nameEn, String kind, String website, List<AgencyKey> keys) {
    this(id, nameAr, nameEn, kind, website, List.of(), null, keys);
  }

  /** An agency with feeds and pages and no signing keys. */
  public Agency(
      String id, String nameAr, String nameEn, String kind, String website, List<String> feeds, PageRules pages) {
    this(id, nameAr, nameEn, kind, website, feeds, pages, List.of());
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
    return new Agency(id, nameAr, nameEn, kind, website, feeds, pages, more);
  }
}
