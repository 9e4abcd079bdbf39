package org.bayan.ingest;

/** One record as read from a source, before validation, with where it came from. */
public record RawRecord(String source, long line, byte[] bytes) {
  public String location() {
    return source + ":" + line;
  }
}
