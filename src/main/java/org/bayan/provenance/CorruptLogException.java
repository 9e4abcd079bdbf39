package org.bayan.provenance;

import java.io.IOException;
import java.nio.file.Path;

/** A transparency log file holds damage that cannot be a torn final write, so opening it must not go on. */
public final class CorruptLogException extends IOException {
  private final transient Path file;
  private final long offset;

  public CorruptLogException(Path file, long offset, String reason) {
    super("transparency log " + file + " is corrupt at offset " + offset + ": " + reason);
    this.file = file;
    this.offset = offset;
  }

  /** The damaged file. */
  public Path file() {
    return file;
  }

  /** Byte offset in {@link #file()} of the record at fault. */
  public long offset() {
    return offset;
  }
}
