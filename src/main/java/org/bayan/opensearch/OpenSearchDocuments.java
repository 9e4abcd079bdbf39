package org.bayan.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.Base64;
import org.bayan.classify.StatementTypes;
import org.bayan.index.Fields;
import org.bayan.index.dedup.DuplicateGroups;
import org.bayan.index.dedup.Fingerprints;
import org.bayan.statement.Release;
import org.bayan.statement.SignatureStatus;
import org.bayan.statement.StatementVersion;

/**
 * Maps a statement version to its OpenSearch document: the fields of {@code index.StatementDocuments}, with
 * the same type (declared or detected), the same body (repeated blocks shown once) and the same duplicate
 * group, with the fingerprints that decided it ({@link OpenSearchIndex} assigns groups as the embedded index
 * does, and reads them back from these fields when it opens).
 */
final class OpenSearchDocuments {
  /**
   * The version of this mapping, part of the index definition's fingerprint: documents written by another
   * version (version 1 held only declared types and the body as sent, version 2 no duplicate group) call for
   * a reindex.
   */
  static final int VERSION = 3;

  private OpenSearchDocuments() {}

  /**
   * @param body the body with blocks repeated inside it shown once
   * @param fingerprint the body's fingerprints, kept so that the groups can be rebuilt from the cluster
   * @param group the duplicate group the version was assigned to
   */
  static ObjectNode toSource(ObjectMapper json, StatementVersion v, String body, Fingerprints.Fingerprint fingerprint,
      long group) {
    Release r = v.release();
    ObjectNode d = json.createObjectNode();
    d.put(Fields.ID, r.id());
    putIfPresent(d, Fields.AGENCY, r.agency());
    putIfPresent(d, Fields.LANGUAGE, r.language());
    putIfPresent(d, Fields.CATEGORY, r.category());
    putIfPresent(d, Fields.TYPE, StatementTypes.of(r));
    d.put(Fields.STATUS, SignatureStatus.of(r));
    d.put(Fields.PUBLISHED, r.publishedAt());
    if (r.sourceUrl() != null) d.put(Fields.SOURCE_URL, r.sourceUrl());
    d.put(Fields.CONTENT_HASH, v.contentHash());
    d.put(Fields.VERSION, v.version());
    d.put(Fields.SEQ, v.seq());
    d.put(Fields.INGESTED, v.ingestedAt().toString());
    String lang = Fields.indexLanguage(r.language());
    d.put(Fields.title(lang), r.title());
    d.put(Fields.body(lang), body);
    d.put(Fields.DUP_GROUP, DuplicateGroups.name(group));
    d.put(Fields.DUP_SHARED, true); // OpenSearchIndex leaves it out for a group of one
    d.put(Fields.BODY_FINGERPRINT, fingerprint.exact());
    if (fingerprint.minhash().length > 0) d.put(Fields.MINHASH, minhash(fingerprint.minhash()));
    return d;
  }

  /** A MinHash signature as a {@code binary} field holds it: base64 of its values, big-endian. */
  static String minhash(int[] signature) {
    ByteBuffer b = ByteBuffer.allocate(signature.length * Integer.BYTES);
    for (int v : signature) b.putInt(v);
    return Base64.getEncoder().encodeToString(b.array());
  }

  /** The signature {@link #minhash(int[])} wrote; empty for a missing one (a body too short to compare so). */
  static int[] minhash(String base64) {
    if (base64 == null || base64.isEmpty()) return new int[0];
    ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(base64));
    int[] out = new int[b.remaining() / Integer.BYTES];
    for (int i = 0; i < out.length; i++) out[i] = b.getInt();
    return out;
  }

  /** A text field of a source document, which OpenSearch may hold under its dotted name or as nested objects. */
  static String text(JsonNode source, String field) {
    JsonNode v = source.path(field);
    if (v.isMissingNode()) {
      v = source;
      for (String part : field.split("\\.")) v = v.path(part);
    }
    return v.asText("");
  }

  private static void putIfPresent(ObjectNode d, String field, String value) {
    if (value != null && !value.isEmpty()) d.put(field, value);
  }
}
