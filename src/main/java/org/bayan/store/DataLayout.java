package org.bayan.store;

import java.nio.file.Path;

/** Where things live inside a data folder ({@code index-data/} by default). */
public record DataLayout(Path root) {
  public DataLayout {
    root = root.toAbsolutePath().normalize();
  }

  public Path storeDir() {
    return root.resolve("store");
  }

  public Path indexDir() {
    return root.resolve("index");
  }

  public Path logDir() {
    return root.resolve("log");
  }

  /** The server's own keys, such as the one that signs log checkpoints. */
  public Path keysDir() {
    return root.resolve("keys");
  }

  public Path checkpointKeyFile() {
    return keysDir().resolve("checkpoint.key");
  }

  public Path agenciesFile() {
    return root.resolve("agencies.json");
  }

  /** SHA-256 hashes of the API keys that may push releases. */
  public Path apiKeysFile() {
    return root.resolve("api-keys.json");
  }

  /** ETag / Last-Modified of each polled feed, for conditional requests. */
  public Path fetchStateFile() {
    return root.resolve("fetch-state.json");
  }

  public Path rejectsFile() {
    return root.resolve("rejects.jsonl");
  }
}
