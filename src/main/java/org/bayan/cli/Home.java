package org.bayan.cli;

import java.nio.file.Path;

/**
 * Where the project's own folders are: the launcher passes {@code -Dbayan.home}, so {@code analyzers/},
 * {@code demo/} and the default {@code index-data/} are found wherever the command is run from.
 */
final class Home {
  private Home() {}

  static Path dir() {
    return Path.of(System.getProperty("bayan.home", ".")).toAbsolutePath().normalize();
  }

  static Path resolve(String relative) {
    return dir().resolve(relative);
  }
}
