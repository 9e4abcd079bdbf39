package org.bayan.provenance;

/** A signed checkpoint note failed verification; the message says which check, and where. */
public final class InvalidCheckpointException extends Exception {
  public InvalidCheckpointException(String message) {
    super(message);
  }
}
