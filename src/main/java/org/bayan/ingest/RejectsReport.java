package org.bayan.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * The quarantine: appends rejections to a JSON Lines report ({@code rejects.jsonl} in the data folder), each
 * with when, where, why and the raw record, so that nothing submitted is lost and a fixed record can be
 * submitted again ({@code bayan rejects --raw}).
 */
public final class RejectsReport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;

  public RejectsReport(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** Every entry of the report, oldest first; a damaged line is skipped, not fatal. */
  public synchronized List<com.fasterxml.jackson.databind.JsonNode> read() {
    if (!Files.exists(file)) return List.of();
    try {
      List<com.fasterxml.jackson.databind.JsonNode> out = new java.util.ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) continue;
        try {
          out.add(JSON.readTree(line));
        } catch (IOException e) {
          // A torn last line after a crash: the rest of the report is still worth showing.
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rejects report " + file, e);
    }
  }

  public synchronized void write(List<Rejection> rejections) {
    if (rejections.isEmpty()) return;
    StringBuilder sb = new StringBuilder();
    String at = Instant.now().toString();
    for (Rejection r : rejections) {
      ObjectNode o = JSON.createObjectNode();
      o.put("at", at);
      o.put("source", r.source());
      if (r.line() > 0) o.put("line", r.line());
      if (r.id() != null) o.put("id", r.id());
      o.put("reason", r.reason());
      if (r.raw() != null) o.put("raw", r.raw());
      sb.append(o).append('\n');
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write rejects report " + file, e);
    }
  }
}
