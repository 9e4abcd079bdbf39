package org.bayan.http.web;

import java.util.List;
import java.util.Map;

/**
 * Statement types as readers call them, in the interface language. A type an agency declared that is not one of
 * the types Bayan detects is shown as the agency wrote it.
 */
final class TypeLabels {
  /** The types Bayan detects (docs/claims.md), in the order a filter offers them. */
  static final List<String> DETECTED = List.of("denial", "clarification", "correction", "decision", "announcement");

  private static final Map<String, String[]> NAMES = Map.of(
      "denial", new String[] {"نفي", "Denial"},
      "clarification", new String[] {"توضيح", "Clarification"},
      "correction", new String[] {"تصحيح", "Correction"},
      "decision", new String[] {"قرار", "Decision"},
      "announcement", new String[] {"إعلان", "Announcement"});

  private TypeLabels() {}

  /** Plain text (escape it where it is shown). */
  static String of(Ui ui, String type) {
    String[] n = NAMES.get(type);
    return n == null ? type : ui.arabic() ? n[0] : n[1];
  }
}
