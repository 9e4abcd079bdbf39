package org.bayan.search;

/**
 * A failure of the engine behind {@link StatementSearch} rather than of the request: the HTTP layer answers
 * 503 when the engine is {@linkplain #unavailable() unavailable} (a client may retry), 500 otherwise.
 */
public class EngineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EngineException(String message, Throwable cause) {
    super(message, cause);
  }

  /** True when no node answered or the engine answered that it is overloaded or failing. */
  public boolean unavailable() {
    return false;
  }
}
