package org.bayan.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayan.classify.StatementTypes;
import org.bayan.index.Fields;
import org.bayan.index.dedup.Fingerprints;
import org.bayan.statement.Release;
import org.bayan.statement.SignatureStatus;
import org.bayan.statement.StatementVersion;

/**
 * Maps a statement version to its OpenSearch document: the fields of {@code index.StatementDocuments}, with
 * the same type (declared or detected) and the same body (repeated blocks shown once). Duplicate groups are
 * not kept: they are state across statements that only the embedded index holds.
 */
final class OpenSearchDocuments {
  /**
   * The version of this mapping, part of the index definition's fingerprint: documents written by another
   * version (version 1 held only declared types and the body as sent) call for a reindex.
   */
  static final int VERSION = 2;

  private OpenSearchDocuments() {}

  static ObjectNode toSource(ObjectMapper json, StatementVersion v) {
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
    d.put(Fields.body(lang), Fingerprints.removeRepeatedBlocks(r.body()).text());
    return d;
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
