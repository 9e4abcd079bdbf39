package org.bayan.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.bayan.statement.StatementVersion;

/**
 * One transparency-log entry: an accepted statement version. Its leaf in the Merkle tree is
 * {@code SHA-256(0x00 || canonicalBytes())}, so the serialization must never change: RFC 8785 canonical JSON
 * with the keys {@code agency, content_hash, id, ingested_at, signature_status, version}; {@code ingested_at}
 * is an ISO-8601 UTC instant as {@link Instant#toString()} writes it, {@code version} a JSON integer.
 *
 * @param signatureStatus what Bayan concluded about the agency signature, {@code signed} or {@code unsigned}
 */
public record LogEntry(
    String id, long version, String contentHash, String agency, String signatureStatus, Instant ingestedAt) {

  private static final Set<String> KEYS =
      Set.of("agency", "content_hash", "id", "ingested_at", "signature_status", "version");

  public LogEntry {
    requireText(id, "id");
    requireText(agency, "agency");
    requireText(signatureStatus, "signature_status");
    if (version < 1) throw new IllegalArgumentException("version must be >= 1, got " + version);
    if (contentHash == null || !contentHash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("content_hash must be 64 lower-case hex digits, got '" + contentHash + "'");
    }
    if (ingestedAt == null) throw new IllegalArgumentException("ingested_at is required");
  }

  /** The entry for an accepted statement version. */
  public static LogEntry of(StatementVersion v, String signatureStatus) {
    return new LogEntry(v.id(), v.version(), v.contentHash(), v.release().agency(), signatureStatus,
        v.ingestedAt());
  }

  /** The canonical JSON bytes that are stored and hashed into the leaf. */
  public byte[] canonicalBytes() {
    Map<String, Object> m = new HashMap<>();
    m.put("agency", agency);
    m.put("content_hash", contentHash);
    m.put("id", id);
    m.put("ingested_at", ingestedAt.toString());
    m.put("signature_status", signatureStatus);
    m.put("version", version);
    return CanonicalJson.write(m);
  }

  /** {@code MerkleTree.leafHash(canonicalBytes())}. */
  public byte[] leafHash() {
    return MerkleTree.leafHash(canonicalBytes());
  }

  /**
   * Parses canonical entry bytes. Anything that would not serialize back to exactly the same bytes is
   * rejected, so an entry and its leaf hash always correspond.
   *
   * @throws IllegalArgumentException naming the field at fault
   */
  static LogEntry parse(byte[] json, ObjectMapper mapper) {
    JsonNode n;
    try {
      n = mapper.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("entry is not JSON: " + e.getMessage(), e);
    }
    if (n == null || !n.isObject()) throw new IllegalArgumentException("entry is not a JSON object");
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KEYS.contains(k)) throw new IllegalArgumentException("entry has unknown field '" + k + "'");
    }
    JsonNode version = n.get("version");
    if (version == null || !version.isIntegralNumber()) {
      throw new IllegalArgumentException("entry field 'version' must be an integer");
    }
    Instant at;
    try {
      at = Instant.parse(text(n, "ingested_at"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("entry field 'ingested_at' is not an ISO-8601 instant", e);
    }
    LogEntry e = new LogEntry(text(n, "id"), version.longValue(), text(n, "content_hash"), text(n, "agency"),
        text(n, "signature_status"), at);
    if (!Arrays.equals(e.canonicalBytes(), json)) {
      throw new IllegalArgumentException("entry is valid JSON but not in canonical form");
    }
    return e;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) throw new IllegalArgumentException("entry field '" + field + "' must be a string");
    return v.textValue();
  }

  private static void requireText(String v, String field) {
    if (v == null || v.isBlank()) throw new IllegalArgumentException(field + " is required");
  }
}
