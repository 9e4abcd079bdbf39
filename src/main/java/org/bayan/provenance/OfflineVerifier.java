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

    Checkpoint cp = checkpoint("checkpoint signature", checkpointNote, verifierKey, origin);
    passed.add("checkpoint signature: valid, by " + verifierKey.strip().split("\\+", 2)[0] + ", for tree size "
        + cp.size());

    long index = number(p, "leaf_index");
    long size = number(p, "tree_size");
    if (size != cp.size()) {
      throw new Failure("inclusion", "the proof is for tree size " + size + " but the checkpoint is for size "
          + cp.size() + "; fetch the proof for the checkpoint's size (/api/statements/{id}/proof?version=N&tree_size="
          + cp.size() + ")");
    }
    List<byte[]> path = hashes(p, "inclusion_proof");
    if (!MerkleVerifier.verifyInclusion(index, size, leaf, path, cp.rootHash())) {
      throw new Failure("inclusion", "the proof does not lead from leaf " + index + " to the checkpoint's root"
          + " hash for tree size " + size);
    }
    passed.add("inclusion: leaf " + index + " is in the tree of size " + size + " whose root the checkpoint signs");
    return passed;
  }

  /**
   * Checks that the log kept its history between two checkpoints: both notes are signed by the key, and the
   * consistency proof ({@code /api/log/consistency?from=OLD&to=NEW}) shows the older tree is a prefix of the
   * newer one. The roots come from the signed checkpoints, never from the proof's answer.
   *
   * @throws Failure at the first step that fails
   */
  public List<String> verifyConsistency(String oldNote, String newNote, byte[] proof, String verifierKey,
      String origin) throws Failure {
    List<String> passed = new ArrayList<>();
    String name = verifierKey.strip().split("\\+", 2)[0];
    Checkpoint older = checkpoint("old checkpoint", oldNote, verifierKey, origin);
    passed.add("old checkpoint: valid signature by " + name + ", tree size " + older.size());
    Checkpoint newer = checkpoint("new checkpoint", newNote, verifierKey, origin);
    passed.add("new checkpoint: valid signature by " + name + ", tree size " + newer.size());
    if (newer.size() < older.size()) {
      throw new Failure("consistency", "the new checkpoint's tree (" + newer.size() + ") is smaller than the old one's ("
          + older.size() + "): give the older checkpoint first");
    }
    JsonNode p = parse(proof, "proof");
    long from = number(p, "from");
    long to = number(p, "to");
    if (from != older.size() || to != newer.size()) {
      throw new Failure("proof", "the proof is from size " + from + " to " + to + ", the checkpoints are of sizes "
          + older.size() + " and " + newer.size() + "; fetch /api/log/consistency?from=" + older.size() + "&to="
          + newer.size());
    }
    if (older.size() == 0) {
      passed.add("consistency: the old tree is empty, a prefix of every tree");
      return passed;
    }
    List<byte[]> path = hashes(p, "proof");
    if (!MerkleVerifier.verifyConsistency(older.size(), newer.size(), older.rootHash(), newer.rootHash(), path)) {
      throw new Failure("consistency", "the proof does not show the tree of size " + older.size()
          + " is a prefix of the tree of size " + newer.size() + ": the log rewrote its history, or the proof is"
          + " not this log's");
    }
    passed.add("consistency: the first " + older.size() + " entries are unchanged in the tree of size " + newer.size());
    return passed;
  }

  private static Checkpoint checkpoint(String step, String note, String verifierKey, String origin) throws Failure {
    try {
      String name = verifierKey.strip().split("\\+", 2)[0];
      return new CheckpointVerifier(origin != null ? origin : name, verifierKey.strip()).verify(asSaved(note));
    } catch (IllegalArgumentException e) {
      throw new Failure(step, "unusable verifier key: " + e.getMessage());
    } catch (InvalidCheckpointException e) {
      throw new Failure(step, e.getMessage());
    }
  }

  /**
   * A note as a file or a shell hands it over: {@code jq -r}, {@code echo} and editors add a line end after the
   * note's own last newline, which is not part of what was signed.
   */
  static String asSaved(String note) {
    int end = note.length();
    while (end >= 2 && note.charAt(end - 1) == '\n' && note.charAt(end - 2) == '\n') end--;
    return note.substring(0, end);
  }

  private static List<byte[]> hashes(JsonNode p, String field) throws Failure {
    JsonNode list = p.get(field);
    if (list == null || !list.isArray()) throw new Failure("proof", "field '" + field + "' must be an array");
    List<byte[]> out = new ArrayList<>();
    for (JsonNode h : list) {
      try {
        out.add(Keys.decodeBase64(h.asText(), "proof hash"));
      } catch (IllegalArgumentException e) {
        throw new Failure("proof", e.getMessage());
      }
    }
    return out;
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
