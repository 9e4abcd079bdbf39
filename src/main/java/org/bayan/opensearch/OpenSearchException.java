package org.bayan.opensearch;

/** The cluster could not be reached, or refused a request; the message names the nodes or the reason. */
public final class OpenSearchException extends org.bayan.search.EngineException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public OpenSearchException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** No node answered, or the cluster answered with a server error (5xx): worth retrying later. */
  @Override
  public boolean unavailable() {
    return status == 0 || status >= 500;
  }

  /** The HTTP status the cluster answered, or 0 when no node answered. */
  public int status() {
    return status;
  }
}
