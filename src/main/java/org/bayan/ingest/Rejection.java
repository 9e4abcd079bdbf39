package org.bayan.ingest;

/**
 * A record that was not accepted, where it was, and why. {@code raw} is the record as received (null when
 * there was none to keep, e.g. a truncated file), kept so that it can be fixed and submitted again.
 */
public record Rejection(String source, long line, String reason, String id, String raw) {
  /** Raw records are kept up to this many characters; beyond it only the reason is useful. */
  public static final int MAX_RAW_CHARS = 1 << 20;

  public Rejection {
    if (raw != null && raw.length() > MAX_RAW_CHARS) raw = null;
  }

  public Rejection(String source, long line, String reason, String id) {
    this(source, line, reason, id, null);
  }

  public String location() {
    return line > 0 ? source + ":" + line : source;
  }

  @Override
  public String toString() {
    return location() + ": " + reason;
  }
}
