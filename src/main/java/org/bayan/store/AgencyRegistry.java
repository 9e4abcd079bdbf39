package org.bayan.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bayan.statement.Agency;
import org.bayan.statement.PageRules;

/**
 * The registered agencies, kept in a JSON file (an array of {@code {id, name_ar, name_en, kind, website}},
 * each optionally with {@code feeds: [url, ...]} and {@code pages: {urls: [prefix, ...], title, date, body}}
 * selectors). A release whose agency is not registered is rejected.
 */
public final class AgencyRegistry {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Path file;
  private final Map<String, Agency> agencies = new ConcurrentHashMap<>();
  private volatile long loadedMtime = -1;

  public AgencyRegistry(Path file) {
    this.file = file;
    reloadIfChanged();
  }

  /** Reads an agencies file; errors name the file and the entry at fault. */
  public static List<Agency> read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": not a readable JSON agencies file: " + e.getMessage(), e);
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException(file + ": an agencies file must be a JSON array of agencies");
    }
    List<Agency> out = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode a = root.get(i);
      String id = a.path("id").asText("");
      if (!id.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
        throw new IllegalArgumentException(
            file + ": agency #" + (i + 1) + ": id '" + id + "' is not a slug (lower-case letters, digits, . _ -)");
      }
      String at = file + ": agency '" + id + "'";
      out.add(new Agency(id, text(a, "name_ar"), text(a, "name_en"), text(a, "kind"), text(a, "website"),
          urls(a.get("feeds"), at + ": feeds"), pages(a.get("pages"), at + ": pages")));
    }
    return out;
  }

  /** Picks up edits made to the file by another process (e.g. an indexer registering agencies). */
  public void reloadIfChanged() {
    try {
      if (!Files.exists(file)) return;
      long mtime = Files.getLastModifiedTime(file).toMillis();
      if (mtime == loadedMtime) return;
      Map<String, Agency> fresh = new LinkedHashMap<>();
      for (Agency a : read(file)) fresh.put(a.id(), a);
      agencies.putAll(fresh);
      agencies.keySet().retainAll(fresh.keySet());
      loadedMtime = mtime;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read agencies file " + file, e);
    }
  }

  /** Adds or replaces agencies and writes the file atomically. Returns how many were new. */
  public synchronized int register(Collection<Agency> more) {
    int added = 0;
    for (Agency a : more) {
      if (agencies.put(a.id(), a) == null) added++;
    }
    save();
    return added;
  }

  public Optional<Agency> get(String id) {
    return Optional.ofNullable(agencies.get(id));
  }

  public List<Agency> all() {
    return agencies.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
  }

  private void save() {
    ArrayNode arr = JSON.createArrayNode();
    for (Agency a : all()) {
      ObjectNode o = arr.addObject();
      o.put("id", a.id());
      o.put("name_ar", a.nameAr());
      o.put("name_en", a.nameEn());
      o.put("kind", a.kind());
      o.put("website", a.website());
      if (!a.feeds().isEmpty()) a.feeds().forEach(o.putArray("feeds")::add);
      if (a.pages() != null) {
        ObjectNode p = o.putObject("pages");
        a.pages().urls().forEach(p.putArray("urls")::add);
        if (a.pages().title() != null) p.put("title", a.pages().title());
        if (a.pages().date() != null) p.put("date", a.pages().date());
        if (a.pages().body() != null) p.put("body", a.pages().body());
      }
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(tmp.toFile(), arr);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      loadedMtime = Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write agencies file " + file, e);
    }
  }

  private static List<String> urls(JsonNode arr, String where) {
    if (arr == null || arr.isNull()) return List.of();
    if (!arr.isArray()) throw new IllegalArgumentException(where + " must be an array of http(s) URLs");
    List<String> out = new ArrayList<>();
    for (JsonNode u : arr) {
      String s = u.asText("");
      if (!u.isTextual() || !(s.startsWith("http://") || s.startsWith("https://"))) {
        throw new IllegalArgumentException(where + ": '" + s + "' is not an http(s) URL");
      }
      out.add(s);
    }
    return out;
  }

  private static PageRules pages(JsonNode p, String where) {
    if (p == null || p.isNull()) return null;
    if (!p.isObject()) throw new IllegalArgumentException(where + " must be an object {urls, title, date, body}");
    return new PageRules(urls(p.get("urls"), where + ".urls"), text(p, "title"), text(p, "date"), text(p, "body"));
  }

  private static String text(JsonNode o, String k) {
    JsonNode v = o.get(k);
    return v == null || v.isNull() ? null : v.asText();
  }
}
