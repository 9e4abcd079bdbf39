package org.bayan.ingest.fetch;

/** A URL could not be fetched; the message says which and why (timeout, refused address, status, size). */
public class FetchException extends Exception {
  public FetchException(String message) {
    super(message);
  }

  public FetchException(String message, Throwable cause) {
    super(message, cause);
  }
}
