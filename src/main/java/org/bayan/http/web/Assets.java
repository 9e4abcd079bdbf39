package org.bayan.http.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** The pages' own files (style sheet, scripts, templates), read once from the classpath under {@code web/}. */
final class Assets {
  private static final Map<String, String> TYPES = Map.of(
      "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml",
      "html", "text/html; charset=utf-8");

  private final Map<String, byte[]> files = new java.util.concurrent.ConcurrentHashMap<>();

  /** The file's bytes, or empty when there is no such file; names outside {@code web/} cannot be asked for. */
  Optional<byte[]> get(String name) {
    if (!name.matches("[a-z0-9][a-z0-9\\-/]*\\.[a-z]+") || name.contains("..")) return Optional.empty();
    byte[] cached = files.get(name);
    if (cached != null) return Optional.of(cached);
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream("web/" + name)) {
      if (in == null) return Optional.empty();
      byte[] b = in.readAllBytes();
      files.put(name, b);
      return Optional.of(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String text(String name) {
    return new String(get(name).orElseThrow(() -> new IllegalStateException("missing resource web/" + name)),
        StandardCharsets.UTF_8);
  }

  static String type(String name) {
    return TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
  }
}
