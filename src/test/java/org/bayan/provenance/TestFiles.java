package org.bayan.provenance;

import java.nio.file.Files;
import java.nio.file.Path;

final class TestFiles {
  private TestFiles() {}

  /** The shared folder: surefire's bayan.shared, or /work/shared when run from a worktree without a sibling. */
  static Path shared() {
    String prop = System.getProperty("bayan.shared");
    if (prop != null && Files.isDirectory(Path.of(prop, "testvectors"))) return Path.of(prop);
    return Path.of("/work/shared");
  }
}
