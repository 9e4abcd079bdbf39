package org.bayan.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayan.index.Fields;
import org.bayan.statement.Release;
import org.bayan.statement.SignatureStatus;
import org.bayan.statement.StatementVersion;

/** Maps a statement version to its OpenSearch document: the fields of {@code index.StatementDocuments}. */
final class OpenSearchDocuments {
  private OpenSearchDocuments() {}

  static ObjectNode toSource(ObjectMapper json, StatementVersion v) {
    Release r = v.release();
    ObjectNode d = json.createObjectNode();
    d.put(Fields.ID, r.id());
    putIfPresent(d, Fields.AGENCY, r.agency());
    putIfPresent(d, Fields.LANGUAGE, r.language());
    putIfPresent(d, Fields.CATEGORY, r.category());
    putIfPresent(d, Fields.TYPE, r.type());
    d.put(Fields.STATUS, SignatureStatus.of(r));
    d.put(Fields.PUBLISHED, r.publishedAt());
    if (r.sourceUrl() != null) d.put(Fields.SOURCE_URL, r.sourceUrl());
    d.put(Fields.CONTENT_HASH, v.contentHash());
    d.put(Fields.VERSION, v.version());
    d.put(Fields.SEQ, v.seq());
    d.put(Fields.INGESTED, v.ingestedAt().toString());
    String lang = Fields.indexLanguage(r.language());
    d.put(Fields.title(lang), r.title());
    d.put(Fields.body(lang), r.body());
    return d;
  }

  private static void putIfPresent(ObjectNode d, String field, String value) {
    if (value != null && !value.isEmpty()) d.put(field, value);
  }
}
