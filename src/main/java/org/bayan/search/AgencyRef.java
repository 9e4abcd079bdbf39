package org.bayan.search;

import org.bayan.statement.Agency;

/** How an agency appears inside a hit or statement. */
public record AgencyRef(String id, String nameAr, String nameEn) {
  public static AgencyRef of(String id, Agency a) {
    return a == null ? new AgencyRef(id, null, null) : new AgencyRef(a.id(), a.nameAr(), a.nameEn());
  }
}
