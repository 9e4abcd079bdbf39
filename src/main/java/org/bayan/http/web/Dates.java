package org.bayan.http.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.chrono.HijrahChronology;
import java.time.chrono.HijrahDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Publication dates for readers: the Gregorian date in the reader's language, and for Arabic readers the Hijri
 * (Umm al-Qura) date too. A statement dated by day only is shown by day only: no time is invented.
 */
final class Dates {
  private static final Locale AR = Locale.forLanguageTag("ar");
  private static final DateTimeFormatter AR_GREG = DateTimeFormatter.ofPattern("d MMMM y", AR);
  private static final DateTimeFormatter EN_GREG = DateTimeFormatter.ofPattern("d MMMM y", Locale.ENGLISH);
  private static final DateTimeFormatter AR_HIJRI =
      DateTimeFormatter.ofPattern("d MMMM y", AR).withChronology(HijrahChronology.INSTANCE);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private Dates() {}

  /** The calendar day the agency gave (in its own offset), or null when the text is not a date. */
  static LocalDate day(String publishedAt) {
    if (publishedAt == null || publishedAt.isBlank()) return null;
    try {
      return publishedAt.length() == 10 ? LocalDate.parse(publishedAt) : OffsetDateTime.parse(publishedAt).toLocalDate();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String gregorian(String publishedAt, Ui ui) {
    LocalDate d = day(publishedAt);
    if (d == null) return publishedAt == null ? "" : publishedAt;
    return d.format(ui.arabic() ? AR_GREG : EN_GREG);
  }

  /** The Hijri date with its era mark, or null outside the range the JDK's Umm al-Qura tables cover. */
  static String hijri(String publishedAt) {
    LocalDate d = day(publishedAt);
    if (d == null) return null;
    try {
      return HijrahDate.from(d).format(AR_HIJRI) + " هـ";
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** Local time with its UTC offset, when the agency gave one. */
  static String time(String publishedAt) {
    if (publishedAt == null || publishedAt.length() <= 10) return null;
    try {
      OffsetDateTime t = OffsetDateTime.parse(publishedAt);
      return t.format(TIME) + " (UTC" + (t.getOffset().getTotalSeconds() == 0 ? "" : t.getOffset().getId()) + ")";
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A {@code <time>} element: Gregorian, plus Hijri for Arabic readers. */
  static String html(String publishedAt, Ui ui) {
    StringBuilder b = new StringBuilder("<time datetime=\"").append(Html.esc(publishedAt)).append("\">")
        .append(Html.esc(gregorian(publishedAt, ui))).append("</time>");
    String h = ui.arabic() ? hijri(publishedAt) : null;
    if (h != null) b.append(" <span class=\"hijri\">(").append(Html.esc(h)).append(")</span>");
    return b.toString();
  }
}
