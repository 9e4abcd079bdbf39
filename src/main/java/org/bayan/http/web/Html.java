package org.bayan.http.web;

/**
 * The one HTML-escaping helper of the pages. Every piece of statement, agency or query text goes through
 * {@link #esc} before it reaches a page, in element content and in quoted attribute values alike.
 */
public final class Html {
  private Html() {}

  /** Escapes text for HTML element content and double- or single-quoted attribute values; null gives "". */
  public static String esc(String s) {
    if (s == null) return "";
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep = switch (c) {
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '&' -> "&amp;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        case '`' -> "&#96;";
        default -> null;
      };
      if (rep == null) {
        if (out != null) out.append(c);
      } else {
        if (out == null) out = new StringBuilder(s.length() + 16).append(s, 0, i);
        out.append(rep);
      }
    }
    return out == null ? s : out.toString();
  }
}
