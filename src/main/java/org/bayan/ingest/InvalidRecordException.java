package org.bayan.ingest;

/** A record that fails validation; the message is the reason shown to whoever submitted it. */
public class InvalidRecordException extends Exception {
  private final String id;

  public InvalidRecordException(String reason, String id) {
    super(reason);
    this.id = id;
  }

  /** The record's id when it could be read, else null. */
  public String id() {
    return id;
  }
}
