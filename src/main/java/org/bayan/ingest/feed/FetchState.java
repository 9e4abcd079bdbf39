package org.bayan.ingest.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The validators (ETag, Last-Modified) of each polled feed, kept in the data folder between runs. */
public final class FetchState {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  private final ObjectNode state;

  public FetchState(Path file) {
    this.file = file;
    ObjectNode s;
    try {
      JsonNode n = Files.exists(file) ? JSON.readTree(file.toFile()) : null;
      s = n instanceof ObjectNode o ? o : JSON.createObjectNode();
    } catch (IOException e) {
      s = JSON.createObjectNode(); // lost validators only cost one unconditional fetch
    }
    this.state = s;
  }

  public synchronized String etag(String url) {
    return state.path(url).path("etag").textValue();
  }

  public synchronized String lastModified(String url) {
    return state.path(url).path("last_modified").textValue();
  }

  public synchronized void update(String url, String etag, String lastModified) {
    ObjectNode o = state.putObject(url);
    if (etag != null) o.put("etag", etag);
    if (lastModified != null) o.put("last_modified", lastModified);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(tmp.toFile(), state);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
