package org.bayan.statement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * One release in release format v1, after validation. Optional fields are null when absent.
 *
 * <p>{@code publishedAt} is kept as text in canonical ISO-8601 form, either a bare date ({@code 2015-08-10})
 * or a date-time with its offset ({@code 2017-01-20T21:43:00+01:00}): an agency that only gave the day did
 * not say what time it was, and inventing one would change what it published.
 */
public record Release(
    String id,
    String agency,
    String title,
    String body,
    String language,
    String publishedAt,
    String sourceUrl,
    String category,
    String type,
    String signature,
    String keyId) {

  public Release {
    if (id == null || id.isBlank()) throw new IllegalArgumentException("id is required");
    if (agency == null || agency.isBlank()) throw new IllegalArgumentException("agency is required");
    if (body == null || body.isBlank()) throw new IllegalArgumentException("body is required");
    if (title == null) title = "";
    publishedAt = canonicalDate(publishedAt);
  }

  /** The instant used for sorting and date filters: a bare date counts as its first moment in UTC. */
  public Instant publishedInstant() {
    return publishedAt.length() == 10
        ? LocalDate.parse(publishedAt).atStartOfDay(ZoneOffset.UTC).toInstant()
        : OffsetDateTime.parse(publishedAt).toInstant();
  }

  /** The same release without a signature, e.g. for computing what was signed. */
  public Release withoutSignature() {
    return new Release(id, agency, title, body, language, publishedAt, sourceUrl, category, type, null, null);
  }

  /**
   * Parses an ISO-8601 date or date-time with offset and returns its canonical text.
   *
   * @throws IllegalArgumentException naming what is wrong with the value
   */
  public static String canonicalDate(String value) {
    if (value == null || value.isBlank()) throw new IllegalArgumentException("published_at is required");
    String v = value.strip();
    try {
      if (v.length() == 10) return LocalDate.parse(v).toString();
      return OffsetDateTime.parse(v).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "published_at '" + abbreviate(v) + "' is not an ISO-8601 date (2024-05-01) or date-time with offset"
              + " (2024-05-01T10:00:00+03:00)");
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
