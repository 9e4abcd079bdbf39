package org.bayan.ingest;

/** A record that was not accepted, where it was, and why. */
public record Rejection(String source, long line, String reason, String id) {
  public String location() {
    return line > 0 ? source + ":" + line : source;
  }

  @Override
  public String toString() {
    return location() + ": " + reason;
  }
}
