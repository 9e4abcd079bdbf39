package org.bayan.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bayan.statement.Agency;
import org.bayan.statement.AgencyKey;
import org.bayan.statement.PageRules;

/**
 * The registered agencies, kept in a JSON file (an array of {@code {id, name_ar, name_en, kind, website}},
 * each optionally with {@code feeds: [url, ...]}, {@code pages: {urls: [prefix, ...], title, date, body}}
 * selectors and {@code keys: [{id, public_key, valid_from, valid_to?}]}). A release whose agency is not
 * registered is rejected. Fields this class does not know are kept when the file is rewritten, so files
 * written by newer versions survive an edit by this one.
 */
public final class AgencyRegistry {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Path file;
  private final Map<String, Agency> agencies = new ConcurrentHashMap<>();
  private volatile long loadedMtime = -1;
  private volatile List<String> problems = List.of();

  public AgencyRegistry(Path file) {
    this.file = file;
    reloadIfChanged();
  }

  /**
   * What an agencies file holds: the agencies that are valid, and one problem per entry that is not, each
   * with {@code file:line} and the reason. A bad entry is left out; the others still count.
   */
  public record AgencyFile(List<Agency> agencies, List<String> problems) {}

  /**
   * Reads an agencies file. Problems with an entry (a bad id or URL, a field of the wrong type, an id given
   * twice) leave that entry out and are reported; only a file that is not a JSON array of entries is refused
   * as a whole, with the reason.
   */
  public static AgencyFile read(Path file) {
    List<Agency> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<String, Long> lineOf = new java.util.HashMap<>();
    try (JsonParser p = JSON.createParser(file.toFile())) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_ARRAY) {
        throw new IllegalArgumentException(file + ": an agencies file must be a JSON array of agencies");
      }
      int n = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (p.currentToken() == null) throw new IllegalArgumentException(file + ": the array of agencies is not closed");
        n++;
        long line = p.currentTokenLocation().getLineNr();
        JsonNode a = p.readValueAsTree();
        String at = file + ":" + line + ": agency #" + n;
        try {
          if (a == null || !a.isObject()) throw new IllegalArgumentException("an entry must be a JSON object");
          String id = a.path("id").isTextual() ? a.get("id").textValue() : "";
          if (!id.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("id '" + abbreviate(a.path("id").asText("")) + "' is not a slug (lower-case letters, digits, . _ -)");
          }
          at = file + ":" + line + ": agency '" + id + "'";
          Long before = lineOf.get(id);
          if (before != null) {
            // Taking the later entry would silently rename the agency its releases were published under.
            throw new IllegalArgumentException("the id is already used by the entry at line " + before
                + "; this entry is left out");
          }
          out.add(new Agency(id, text(a, "name_ar"), text(a, "name_en"), text(a, "kind"), website(a),
              urls(a.get("feeds"), "feeds"), pages(a.get("pages"), "pages"), keys(a.get("keys"))));
          lineOf.put(id, line);
        } catch (IllegalArgumentException e) {
          problems.add(at + ": " + e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": not a readable JSON agencies file: " + e.getMessage(), e);
    }
    return new AgencyFile(out, problems);
  }

  /** The problems of the file as last loaded: entries left out, with file:line and the reason. */
  public List<String> problems() {
    return problems;
  }

  private static String website(JsonNode a) {
    String w = text(a, "website");
    if (w == null || w.isBlank()) return null;
    // Shown as a link on every statement of the agency: only a web address may be one.
    try {
      java.net.URI u = new java.net.URI(w.strip());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) return w.strip();
    } catch (java.net.URISyntaxException e) {
      // refused below
    }
    throw new IllegalArgumentException("website '" + abbreviate(w) + "' is not an http(s) URL");
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }

  private static List<AgencyKey> keys(JsonNode keys) {
    if (keys == null || keys.isNull()) return List.of();
    String where = "";
    if (!keys.isArray()) throw new IllegalArgumentException(where + "'keys' must be an array");
    List<AgencyKey> out = new ArrayList<>();
    for (int k = 0; k < keys.size(); k++) {
      JsonNode o = keys.get(k);
      String at = where + "key #" + (k + 1) + ": ";
      try {
        String pub = text(o, "public_key");
        if (pub == null || !pub.matches("[A-Za-z0-9+/]{43}=")) {
          throw new IllegalArgumentException("public_key must be base64 of a 32-byte Ed25519 key");
        }
        AgencyKey key = new AgencyKey(text(o, "id"), pub, instant("valid_from", text(o, "valid_from")),
            instant("valid_to", text(o, "valid_to")));
        if (out.stream().anyMatch(x -> x.id().equals(key.id()))) {
          throw new IllegalArgumentException("key id '" + key.id() + "' appears twice");
        }
        out.add(key);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + e.getMessage(), e);
      }
    }
    return out;
  }

  /** A date (its first moment in UTC), a date-time with offset, or null for null. */
  public static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) return null;
    String v = value.strip();
    try {
      if (v.length() == 10) return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " '" + v + "' is not a date (2024-05-01) or a date-time with offset"
          + " (2024-05-01T00:00:00Z)");
    }
  }

  /** Picks up edits made to the file by another process (e.g. an indexer registering agencies). */
  public void reloadIfChanged() {
    try {
      if (!Files.exists(file)) return;
      long mtime = Files.getLastModifiedTime(file).toMillis();
      if (mtime == loadedMtime) return;
      Map<String, Agency> fresh = new LinkedHashMap<>();
      AgencyFile read = read(file);
      for (Agency a : read.agencies()) fresh.put(a.id(), a);
      problems = read.problems();
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
      Agency before = agencies.get(a.id());
      // An exported agencies file without keys must not silently drop keys registered here.
      if (before != null && a.keys().isEmpty() && !before.keys().isEmpty()) {
        a = new Agency(a.id(), a.nameAr(), a.nameEn(), a.kind(), a.website(), before.keys());
      }
      if (agencies.put(a.id(), a) == null) added++;
    }
    save();
    return added;
  }

  /**
   * Adds a signing key to a registered agency and writes the file.
   *
   * @throws IllegalArgumentException if the agency is unknown or already has a key with that id
   */
  public synchronized Agency addKey(String agencyId, AgencyKey key) {
    reloadIfChanged();
    Agency a = get(agencyId).orElseThrow(() -> new IllegalArgumentException("no agency '" + agencyId + "' is registered"));
    Agency updated = a.withKey(key);
    agencies.put(agencyId, updated);
    save();
    return updated;
  }

  public Optional<Agency> get(String id) {
    return Optional.ofNullable(agencies.get(id));
  }

  public List<Agency> all() {
    return agencies.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
  }

  private void save() {
    Map<String, ObjectNode> existing = new java.util.HashMap<>();
    List<JsonNode> entries = new ArrayList<>();
    try {
      if (Files.exists(file)) {
        JsonNode old = JSON.readTree(file.toFile());
        if (old != null && old.isArray()) {
          for (JsonNode n : old) {
            entries.add(n);
            if (n.isObject()) existing.putIfAbsent(n.path("id").asText(""), (ObjectNode) n);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read agencies file " + file, e);
    }
    ArrayNode arr = JSON.createArrayNode();
    for (Agency a : all()) {
      ObjectNode o = arr.addObject();
      ObjectNode before = existing.get(a.id());
      if (before != null) o.setAll(before); // keeps fields this version does not model
      o.put("id", a.id());
      o.put("name_ar", a.nameAr());
      o.put("name_en", a.nameEn());
      o.put("kind", a.kind());
      o.put("website", a.website());
      if (a.keys().isEmpty()) {
        o.remove("keys");
      } else {
        ArrayNode keys = o.putArray("keys");
        for (AgencyKey k : a.keys()) {
          ObjectNode ko = keys.addObject();
          ko.put("id", k.id());
          ko.put("public_key", k.publicKey());
          ko.put("valid_from", k.validFrom().toString());
          if (k.validTo() != null) ko.put("valid_to", k.validTo().toString());
        }
      }
      o.remove("feeds");
      if (!a.feeds().isEmpty()) a.feeds().forEach(o.putArray("feeds")::add);
      o.remove("pages");
      if (a.pages() != null) {
        ObjectNode p = o.putObject("pages");
        a.pages().urls().forEach(p.putArray("urls")::add);
        if (a.pages().title() != null) p.put("title", a.pages().title());
        if (a.pages().date() != null) p.put("date", a.pages().date());
        if (a.pages().body() != null) p.put("body", a.pages().body());
      }
    }
    // Entries left out when the file was read (see problems()) stay in it, as written, for the operator to fix.
    java.util.Set<JsonNode> written = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Agency a : all()) if (existing.get(a.id()) != null) written.add(existing.get(a.id()));
    for (JsonNode n : entries) if (!written.contains(n)) arr.add(n);
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
    if (v == null || v.isNull()) return null;
    // name_en: 123 is a mistake in the file, not a name to show.
    if (!v.isTextual()) throw new IllegalArgumentException("'" + k + "' must be a string, not " + v.getNodeType());
    return v.textValue();
  }
}
