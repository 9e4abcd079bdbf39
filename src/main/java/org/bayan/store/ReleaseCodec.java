package org.bayan.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayan.statement.Release;

/** Release ↔ JSON in release format v1 field names, as the store writes and the API returns it. */
public final class ReleaseCodec {
  private ReleaseCodec() {}

  public static ObjectNode toJson(Release r) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("id", r.id());
    o.put("agency", r.agency());
    o.put("title", r.title());
    o.put("body", r.body());
    putIf(o, "language", r.language());
    o.put("published_at", r.publishedAt());
    putIf(o, "source_url", r.sourceUrl());
    putIf(o, "category", r.category());
    putIf(o, "type", r.type());
    putIf(o, "signature", r.signature());
    putIf(o, "key_id", r.keyId());
    return o;
  }

  /** Reads what {@link #toJson} wrote; input is trusted (it was validated before it was stored). */
  public static Release fromJson(JsonNode o) {
    return new Release(
        text(o, "id"), text(o, "agency"), text(o, "title"), text(o, "body"), text(o, "language"),
        text(o, "published_at"), text(o, "source_url"), text(o, "category"), text(o, "type"),
        text(o, "signature"), text(o, "key_id"));
  }

  private static void putIf(ObjectNode o, String k, String v) {
    if (v != null) o.put(k, v);
  }

  private static String text(JsonNode o, String k) {
    JsonNode v = o.get(k);
    return v == null || v.isNull() ? null : v.asText();
  }
}
