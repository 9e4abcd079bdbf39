package org.bayan.statement;

/** An agency (or other registered source) that issues releases. {@code id} is a slug. */
public record Agency(String id, String nameAr, String nameEn, String kind, String website) {
  public Agency {
    if (id == null || id.isBlank()) throw new IllegalArgumentException("agency id is required");
  }

  /** The name to show: Arabic when there is one, else English, else the slug. */
  public String displayName() {
    if (nameAr != null && !nameAr.isBlank()) return nameAr;
    if (nameEn != null && !nameEn.isBlank()) return nameEn;
    return id;
  }
}
