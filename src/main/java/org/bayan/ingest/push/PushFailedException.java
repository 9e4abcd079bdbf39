package org.bayan.ingest.push;

/**
 * A push the server could not complete for a reason of its own, not of the batch: the store could not take it
 * (then nothing of it was kept), or it is stored but could not yet be logged and indexed (then it will be, and
 * sending it again changes nothing). The message says which, with the cause.
 */
public final class PushFailedException extends RuntimeException {
  /** What the kernel says when a write finds the disk full (ENOSPC). */
  public static final String DISK_FULL = "No space left on device";
  private final boolean stored;

  PushFailedException(boolean stored, Throwable cause) {
    super((stored
        ? "the batch is stored, but not yet logged and indexed: " + rootCause(cause) + "; it becomes searchable "
            + "once the cause is fixed, and sending it again is safe (it changes nothing)"
        : "the batch was not stored: " + rootCause(cause) + "; nothing of it was kept, send it again once the "
            + "cause is fixed"), cause);
    this.stored = stored;
  }

  /** Whether the batch's releases are in the store (durable) despite the failure. */
  public boolean stored() {
    return stored;
  }

  /** Whether the disk being full is the cause. */
  public boolean diskFull() {
    return isDiskFull(this);
  }

  /** Whether a full disk is somewhere in {@code e}'s causes. */
  public static boolean isDiskFull(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains(DISK_FULL)) return true;
    }
    return false;
  }

  // The innermost message says what went wrong (a full disk); the outer ones, where, which is in the logs.
  private static String rootCause(Throwable e) {
    String message = e.getMessage();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null) message = t.getMessage();
      if (message.contains(DISK_FULL)) return DISK_FULL;
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
