package org.bayan.opensearch;

/** The cluster could not be reached, or refused a request; the message names the nodes or the reason. */
public final class OpenSearchException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public OpenSearchException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status the cluster answered, or 0 when no node answered. */
  public int status() {
    return status;
  }
}
