package org.bayan.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared test sets are (surefire passes {@code bayan.shared}). */
final class EvalSets {
  private EvalSets() {}

  static Path root() {
    Path root = Path.of(System.getProperty("bayan.shared", "../shared")).resolve("eval");
    assertTrue(Files.isDirectory(root), "the shared test sets are missing: " + root.toAbsolutePath());
    return root;
  }
}
