package org.bayan.ingest.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The API keys that may push releases, in {@code api-keys.json} in the data folder. Only the SHA-256 of each
 * key is kept: a copy of the data folder does not give anyone the right to push. A presented key is hashed
 * and compared with every active key's hash in constant time. The file is re-read when it changes, so a key
 * created or revoked with {@code bayan api-keys} takes effect in a running server.
 */
public final class ApiKeys {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String NAME = "[a-z0-9][a-z0-9._-]{0,63}";
  private final Path file;
  private final SecureRandom random = new SecureRandom();
  private volatile List<ApiKey> keys = List.of();
  private volatile long loadedMtime = -2;

  public ApiKeys(Path file) {
    this.file = file;
    reloadIfChanged();
  }

  /** Creates an ingest key and returns its secret, which is shown once and never stored. */
  public String create(String name, List<String> agencies) {
    return create(name, agencies, List.of(ApiKey.INGEST));
  }

  /** Creates a key with the given scopes and returns its secret, which is shown once and never stored. */
  public synchronized String create(String name, List<String> agencies, List<String> scopes) {
    if (name == null || !name.matches(NAME)) {
      throw new IllegalArgumentException("key name '" + name + "' is not a slug (lower-case letters, digits, . _ -)");
    }
    reloadIfChanged();
    if (keys.stream().anyMatch(k -> k.name().equals(name))) {
      throw new IllegalArgumentException("a key named '" + name + "' exists already; revoke it or pick another name");
    }
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String key = "bayan_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    List<ApiKey> next = new ArrayList<>(keys);
    next.add(new ApiKey(name, sha256Hex(key), agencies, scopes, Instant.now(), null));
    save(next);
    return key;
  }

  /** Revokes the key called {@code name}; false when there is no such active key. */
  public synchronized boolean revoke(String name) {
    reloadIfChanged();
    List<ApiKey> next = new ArrayList<>();
    boolean found = false;
    for (ApiKey k : keys) {
      if (k.name().equals(name) && k.active()) {
        next.add(new ApiKey(k.name(), k.sha256(), k.agencies(), k.scopes(), k.createdAt(), Instant.now()));
        found = true;
      } else {
        next.add(k);
      }
    }
    if (found) save(next);
    return found;
  }

  public List<ApiKey> list() {
    reloadIfChanged();
    return keys;
  }

  /** The active key whose secret is {@code presented}, if any. */
  public Optional<ApiKey> authenticate(String presented) {
    if (presented == null || presented.isEmpty()) return Optional.empty();
    reloadIfChanged();
    byte[] hash = sha256(presented);
    ApiKey match = null;
    for (ApiKey k : keys) {
      // Every key is compared, matched or not, so timing says nothing about which hashes are close.
      boolean same = MessageDigest.isEqual(hash, HexFormat.of().parseHex(k.sha256()));
      if (same && k.active()) match = k;
    }
    return Optional.ofNullable(match);
  }

  private void reloadIfChanged() {
    try {
      long mtime = Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() : -1;
      if (mtime == loadedMtime) return;
      keys = mtime == -1 ? List.of() : read();
      loadedMtime = mtime;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read API keys file " + file, e);
    }
  }

  private List<ApiKey> read() throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    if (root == null || !root.isArray()) throw new IOException(file + ": must be a JSON array of keys");
    List<ApiKey> out = new ArrayList<>();
    for (JsonNode k : root) {
      List<String> agencies = new ArrayList<>();
      k.path("agencies").forEach(a -> agencies.add(a.asText()));
      List<String> scopes = new ArrayList<>();
      k.path("scopes").forEach(a -> scopes.add(a.asText()));
      String hash = k.path("sha256").asText("");
      if (!hash.matches("[0-9a-f]{64}")) throw new IOException(file + ": key '" + k.path("name").asText() + "' has no valid sha256");
      out.add(new ApiKey(k.path("name").asText(), hash, agencies, scopes, Instant.parse(k.path("created_at").asText()),
          k.hasNonNull("revoked_at") ? Instant.parse(k.get("revoked_at").asText()) : null));
    }
    return List.copyOf(out);
  }

  private void save(List<ApiKey> next) {
    ArrayNode arr = JSON.createArrayNode();
    for (ApiKey k : next) {
      ObjectNode o = arr.addObject();
      o.put("name", k.name());
      o.put("sha256", k.sha256());
      k.agencies().forEach(o.putArray("agencies")::add);
      k.scopes().forEach(o.putArray("scopes")::add);
      o.put("created_at", k.createdAt().toString());
      if (k.revokedAt() != null) o.put("revoked_at", k.revokedAt().toString());
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(tmp.toFile(), arr);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      keys = List.copyOf(next);
      loadedMtime = Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write API keys file " + file, e);
    }
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  static String sha256Hex(String s) {
    return HexFormat.of().formatHex(sha256(s));
  }
}
