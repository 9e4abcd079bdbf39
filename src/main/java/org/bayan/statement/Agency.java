package org.bayan.statement;

import java.util.List;

/**
 * An agency (or other registered source) that issues releases. {@code id} is a slug. {@code feeds} are the
 * RSS/Atom feeds Bayan polls for it (the only URLs it will fetch for this agency besides its release
 * pages), {@code pages} how to read its release pages; both are optional.
 */
public record Agency(
    String id, String nameAr, String nameEn, String kind, String website, List<String> feeds, PageRules pages) {
  public Agency {
    if (id == null || id.isBlank()) throw new IllegalArgumentException("agency id is required");
    feeds = feeds == null ? List.of() : List.copyOf(feeds);
  }

  public Agency(String id, String nameAr, String nameEn, String kind, String website) {
    this(id, nameAr, nameEn, kind, website, List.of(), null);
  }

  /** The name to show: Arabic when there is one, else English, else the slug. */
  public String displayName() {
    if (nameAr != null && !nameAr.isBlank()) return nameAr;
    if (nameEn != null && !nameEn.isBlank()) return nameEn;
    return id;
  }
}
