package org.bayan.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bayan.statement.Release;

/**
 * Checks a downloaded statement against the log without trusting the server: recomputes the content hash
 * from the statement's own fields, matches it to the log entry, recomputes the entry's leaf hash, verifies
 * the checkpoint's signature with the published verifier key, and the inclusion proof against the
 * checkpoint's root. Each step either passes or fails with its name and what differed.
 *
 * <p>Inputs are what the API serves: the statement ({@code /api/statements/{id}?version=n}, or a release in
 * release format), the proof ({@code /api/statements/{id}/proof?version=n}) and a signed checkpoint note of
 * the proof's tree size (the proof carries one; a checkpoint obtained independently is the stronger check).
 */
public final class OfflineVerifier {
  private final ObjectMapper json = new ObjectMapper();

  /** A failed step: {@code step} names it, the message says what differed. */
  public static final class Failure extends Exception {
    private final String step;

    Failure(String step, String detail) {
      super(step + ": " + detail);
      this.step = step;
    }

    public String step() {
      return step;
    }
  }

  /**
   * Runs every step; returns one line per passed step.
   *
   * @param origin the log origin the checkpoint must name; null for the verifier key's name
   * @throws Failure at the first step that fails
   */
  public List<String> verify(byte[] statement, byte[] proof, String checkpointNote, String verifierKey, String origin)
      throws Failure {
    List<String> passed = new ArrayList<>();
    Release release = release(statement);
    String hash = CanonicalForm.contentHash(release);
    passed.add("content hash: recomputed " + hash + " from the statement's canonical form (RFC 8785, SHA-256)");

    JsonNode p = parse(proof, "proof");
    String entryText = text(p, "entry", "proof");
    byte[] entryBytes = entryText.getBytes(StandardCharsets.UTF_8);
    LogEntry entry;
    try {
      entry = LogEntry.parse(entryBytes, json);
    } catch (IllegalArgumentException e) {
      throw new Failure("log entry", e.getMessage());
    }
    if (!entry.contentHash().equals(hash)) {
      throw new Failure("content hash", "the statement hashes to " + hash + " but the log entry records "
          + entry.contentHash() + ": the statement is not the text that was logged");
    }
    if (!entry.id().equals(release.id())) {
      throw new Failure("log entry", "the entry is for statement '" + entry.id() + "', not '" + release.id() + "'");
    }
    passed.add("log entry: statement " + entry.id() + " version " + entry.version() + " ("
        + entry.signatureStatus() + ", logged " + entry.ingestedAt() + ") records that hash");

    byte[] leaf = MerkleTree.leafHash(entryBytes);
    JsonNode claimed = p.get("leaf_hash");
    if (claimed != null && claimed.isTextual() && !claimed.textValue().equals(Base64.getEncoder().encodeToString(leaf))) {
      throw new Failure("leaf hash", "recomputed SHA-256(0x00 || entry) differs from the proof's leaf_hash");
    }
    passed.add("leaf hash: SHA-256(0x00 || entry) = " + HexFormat.of().formatHex(leaf));

    Checkpoint cp;
    try {
      String name = verifierKey.strip().split("\\+", 2)[0];
      cp = new CheckpointVerifier(origin != null ? origin : name, verifierKey.strip()).verify(checkpointNote);
    } catch (IllegalArgumentException e) {
      throw new Failure("checkpoint signature", "unusable verifier key: " + e.getMessage());
    } catch (InvalidCheckpointException e) {
      throw new Failure("checkpoint signature", e.getMessage());
    }
    passed.add("checkpoint signature: valid, by " + verifierKey.strip().split("\\+", 2)[0] + ", for tree size "
        + cp.size());

    long index = number(p, "leaf_index");
    long size = number(p, "tree_size");
    if (size != cp.size()) {
      throw new Failure("inclusion", "the proof is for tree size " + size + " but the checkpoint is for size "
          + cp.size() + "; fetch the proof for the checkpoint's size");
    }
    List<byte[]> path = new ArrayList<>();
    JsonNode list = p.get("inclusion_proof");
    if (list == null || !list.isArray()) throw new Failure("proof", "field 'inclusion_proof' must be an array");
    for (JsonNode h : list) {
      try {
        path.add(Keys.decodeBase64(h.asText(), "inclusion proof hash"));
      } catch (IllegalArgumentException e) {
        throw new Failure("proof", e.getMessage());
      }
    }
    if (!MerkleVerifier.verifyInclusion(index, size, leaf, path, cp.rootHash())) {
      throw new Failure("inclusion", "the proof does not lead from leaf " + index + " to the checkpoint's root"
          + " hash for tree size " + size);
    }
    passed.add("inclusion: leaf " + index + " is in the tree of size " + size + " whose root the checkpoint signs");
    return passed;
  }

  // The release fields of a statement as the API serves it (agency as an object) or as released (a slug).
  private Release release(byte[] statement) throws Failure {
    JsonNode s = parse(statement, "statement");
    JsonNode agency = s.get("agency");
    String agencyId = agency != null && agency.isObject() ? optional(agency, "id") : optional(s, "agency");
    try {
      return new Release(optional(s, "id"), agencyId, optional(s, "title"), optional(s, "body"),
          optional(s, "language"), optional(s, "published_at"), optional(s, "source_url"), optional(s, "category"),
          optional(s, "type"), null, null);
    } catch (IllegalArgumentException e) {
      throw new Failure("statement", e.getMessage());
    }
  }

  private JsonNode parse(byte[] bytes, String what) throws Failure {
    try {
      JsonNode n = json.readTree(bytes);
      if (n == null || !n.isObject()) throw new Failure(what, "not a JSON object");
      return n;
    } catch (IOException e) {
      throw new Failure(what, "not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static String optional(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String text(JsonNode o, String field, String what) throws Failure {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual()) throw new Failure(what, "field '" + field + "' must be a string");
    return v.textValue();
  }

  private static long number(JsonNode o, String field) throws Failure {
    JsonNode v = o.get(field);
    if (v == null || !v.isIntegralNumber()) throw new Failure("proof", "field '" + field + "' must be an integer");
    return v.longValue();
  }

}
