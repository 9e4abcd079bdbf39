package org.bayan.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bayan.index.DerivedIndex;
import org.bayan.index.Fields;
import org.bayan.index.dedup.DuplicateGroups;
import org.bayan.index.dedup.Fingerprints;
import org.bayan.statement.Release;
import org.bayan.statement.StatementVersion;

/**
 * Bayan's index in an OpenSearch cluster, derived from the release store like the embedded one. Searches go
 * to an alias ({@code NAME}); the documents live in a concrete index {@code NAME-<millis>} whose mapping
 * {@code _meta} records the store offset it covers and the fingerprint of its definition. A rebuild fills a
 * new concrete index and moves the alias at commit, so the old one answers until then.
 *
 * <p>Duplicate groups are assigned here, as the embedded index assigns them ({@link DuplicateGroups}, in the
 * order versions are applied), and kept in each document with the fingerprints that decided them: the table
 * is memory only, rebuilt from the documents when the index opens.
 */
public final class OpenSearchIndex implements DerivedIndex {
  static final String META_OFFSET = "bayan_store_offset";
  static final String META_DEFINITION = "bayan_definition";
  /** Bulk requests are cut at about this many characters, well under OpenSearch's 100 MB request limit. */
  static final int BULK_CHARS = 8 << 20;
  /** Documents read per request when the duplicate table is rebuilt (OpenSearch's largest page by default). */
  private static final int LOAD_PAGE = 10_000;

  private final OpenSearchClient client;
  private final IndexDefinition definition;
  private final String alias;
  private final ObjectMapper json;
  private volatile String live; // the concrete index behind the alias
  private volatile String building; // a rebuild's concrete index, until commit; else null
  private volatile long appliedOffset;
  private final DuplicateGroups duplicates = new DuplicateGroups();
  /**
   * The statements of each group, as this process applied or read them, so that a page lists a hit's
   * duplicates without asking the cluster (the embedded engine reads them from its index). Arrays sorted by
   * date then id, replaced whole; guarded by this.
   */
  private final Map<String, Member[]> members = new HashMap<>();
  private final Map<String, String> groupOfId = new HashMap<>();
  private volatile Shards shards;

  private OpenSearchIndex(OpenSearchClient client, IndexDefinition definition, String alias, String live) {
    this.client = client;
    this.definition = definition;
    this.alias = alias;
    this.json = client.json();
    this.live = live;
    this.appliedOffset = committedOffset();
    loadDuplicateGroups();
  }

  /**
   * How many shards the index searched has: with one, term statistics are index-wide without a DFS phase.
   * Asked once per concrete index (a rebuild's index may be made with other settings).
   */
  public int shards() {
    String index = live;
    Shards known = shards;
    if (known != null && known.index().equals(index)) return known.count();
    JsonNode r = client.call("GET", "/" + index + "/_settings/index.number_of_shards", null);
    int count = r.path(index).path("settings").path("index").path("number_of_shards").asInt(1);
    shards = new Shards(index, count);
    return count;
  }

  private record Shards(String index, int count) {}

  /** A statement as listed beside its duplicates. */
  public record Member(String id, String agency, String published, long publishedMillis) {}

  private static final java.util.Comparator<Member> BY_DATE =
      java.util.Comparator.comparingLong(Member::publishedMillis).thenComparing(Member::id);

  /**
   * Files {@code m} under {@code group}, out of the group it was in before (a new version with another body).
   * Returns the other member when the group just grew from one statement to two (its document is to be marked
   * shared), else null.
   */
  private synchronized String remember(String group, Member m) {
    String old = groupOfId.put(m.id(), group);
    if (old != null) {
      Member[] was = members.get(old);
      if (was != null) {
        Member[] left = java.util.Arrays.stream(was).filter(x -> !x.id().equals(m.id())).toArray(Member[]::new);
        if (left.length == 0) members.remove(old);
        else members.put(old, left);
      }
    }
    Member[] in = members.getOrDefault(group, new Member[0]);
    Member[] now = java.util.Arrays.copyOf(in, in.length + 1);
    now[in.length] = m;
    java.util.Arrays.sort(now, BY_DATE);
    members.put(group, now);
    return in.length == 1 ? in[0].id() : null;
  }

  /**
   * The statements of duplicate group {@code group}, by date then id; null when the group is not known here
   * (written by another process since this one read the index).
   */
  public synchronized List<Member> members(String group) {
    Member[] m = members.get(group);
    return m == null ? null : List.of(m);
  }

  /** False when group {@code group} is known to hold one statement only; true when it may hold more. */
  public synchronized boolean mayHaveDuplicates(String group) {
    Member[] m = members.get(group);
    return m == null || m.length > 1;
  }

  // Every document's group and fingerprints, in pages ordered by store sequence (unique per document).
  private void loadDuplicateGroups() {
    Long after = null;
    while (true) {
      ObjectNode body = json.createObjectNode();
      body.put("size", LOAD_PAGE);
      body.put("track_total_hits", false);
      body.putArray("_source").add(Fields.DUP_GROUP).add(Fields.BODY_FINGERPRINT).add(Fields.MINHASH)
          .add(Fields.AGENCY).add(Fields.PUBLISHED);
      body.putArray("docvalue_fields").addObject().put("field", Fields.PUBLISHED).put("format", "epoch_millis");
      body.putArray("sort").addObject().put(Fields.SEQ, "asc");
      if (after != null) body.putArray("search_after").add(after);
      JsonNode hits = client.call("POST", "/" + live + "/_search", body).path("hits").path("hits");
      for (JsonNode h : hits) {
        JsonNode s = h.path("_source");
        String group = s.path(Fields.DUP_GROUP).asText(null);
        if (group == null || !s.has(Fields.BODY_FINGERPRINT)) continue; // written before groups were kept
        remember(group, new Member(h.path("_id").asText(), s.path(Fields.AGENCY).asText(null),
            s.path(Fields.PUBLISHED).asText(), h.path("fields").path(Fields.PUBLISHED).path(0).asLong()));
        duplicates.remember(new Fingerprints.Fingerprint(s.path(Fields.BODY_FINGERPRINT).asLong(),
            OpenSearchDocuments.minhash(s.path(Fields.MINHASH).asText(null))), Long.parseUnsignedLong(group, 16));
      }
      if (hits.size() < LOAD_PAGE) return;
      after = hits.get(hits.size() - 1).path("sort").path(0).asLong();
    }
  }

  /**
   * Opens the index behind {@code alias}, creating it when the cluster has none. If it was built with another
   * definition (analyzers or fields changed), says so: {@code bayan reindex --engine opensearch} rebuilds it.
   */
  public static OpenSearchIndex open(OpenSearchClient client, IndexDefinition definition, String alias) {
    Optional<String> existing = concreteIndex(client, alias);
    String live;
    if (existing.isPresent()) {
      live = existing.get();
    } else {
      live = create(client, definition, alias);
      client.call("POST", "/_aliases", aliasActions(client.json(), null, live, alias));
    }
    OpenSearchIndex index = new OpenSearchIndex(client, definition, alias, live);
    String built = index.meta().path(META_DEFINITION).asText("");
    if (!built.equals(definition.fingerprint())) {
      System.err.println("OpenSearch index " + live + " was built with other analyzers, fields or document "
          + "mapping than this Bayan declares; run `bayan reindex --engine opensearch` to rebuild it");
    }
    return index;
  }

  public String alias() {
    return alias;
  }

  public OpenSearchClient client() {
    return client;
  }

  private static Optional<String> concreteIndex(OpenSearchClient client, String alias) {
    OpenSearchClient.Response r = client.send("GET", "/_alias/" + alias, null, null);
    if (r.status() == 404) return Optional.empty();
    if (r.status() >= 300) throw new OpenSearchException("cannot look up alias " + alias + ": " + r.json(), r.status(), null);
    Iterator<String> names = r.json().fieldNames();
    return names.hasNext() ? Optional.of(names.next()) : Optional.empty();
  }

  private static String create(OpenSearchClient client, IndexDefinition definition, String alias) {
    String name = alias + "-" + System.currentTimeMillis();
    ObjectNode body = definition.createIndexBody();
    ObjectNode meta = ((ObjectNode) body.get("mappings")).putObject("_meta");
    meta.put(META_OFFSET, 0L);
    meta.put(META_DEFINITION, definition.fingerprint());
    client.call("PUT", "/" + name + "?wait_for_active_shards=1", body);
    return name;
  }

  private static ObjectNode aliasActions(ObjectMapper json, String from, String to, String alias) {
    ObjectNode body = json.createObjectNode();
    ArrayNode actions = body.putArray("actions");
    if (from != null) actions.addObject().putObject("remove").put("index", from).put("alias", alias);
    actions.addObject().putObject("add").put("index", to).put("alias", alias);
    return body;
  }

  private String target() {
    String b = building;
    return b != null ? b : live;
  }

  @Override
  public void apply(Collection<StatementVersion> versions) {
    // Groups first, then documents: a statement whose duplicate comes in the same call is written marked, not
    // written and then updated. An update leaves the old document deleted but counted in the term statistics
    // until a merge drops it, and every score of the index drifts with them (at the fourth digit on xquadr-ar).
    List<Prepared> prepared = new ArrayList<>(versions.size());
    java.util.Set<String> written = new java.util.HashSet<>();
    for (StatementVersion v : versions) {
      String body = Fingerprints.removeRepeatedBlocks(v.release().body()).text();
      Fingerprints.Fingerprint fp = Fingerprints.of(body);
      // In the order versions come, as the embedded index assigns them.
      long group = duplicates.assign(fp);
      Release r = v.release();
      String name = DuplicateGroups.name(group);
      String partner = remember(name, new Member(v.id(), r.agency(), r.publishedAt(), r.publishedInstant().toEpochMilli()));
      prepared.add(new Prepared(v, body, fp, group, name, partner));
      written.add(v.id());
    }
    StringBuilder nd = new StringBuilder();
    for (Prepared p : prepared) {
      ObjectNode action = json.createObjectNode();
      action.putObject("index").put("_id", p.version().id());
      ObjectNode source = OpenSearchDocuments.toSource(json, p.version(), p.body(), p.fingerprint(), p.group());
      // Every statement of a group with others is marked (marking one too many costs nothing: it counts as
      // one statement of one group).
      if (!mayHaveDuplicates(p.name())) source.remove(Fields.DUP_SHARED);
      nd.append(action).append('\n').append(source).append('\n');
      // The one it joined has a duplicate now too; written by an earlier call, it is updated.
      if (p.partner() != null && !p.partner().equals(p.version().id()) && !written.contains(p.partner())) {
        ObjectNode update = json.createObjectNode();
        update.putObject("update").put("_id", p.partner());
        ObjectNode doc = json.createObjectNode();
        doc.putObject("doc").put(Fields.DUP_SHARED, true);
        nd.append(update).append('\n').append(doc).append('\n');
      }
      if (nd.length() >= BULK_CHARS) {
        bulk(nd.toString());
        nd.setLength(0);
      }
    }
    if (!nd.isEmpty()) bulk(nd.toString());
  }

  /** A version with its deduplicated body, fingerprint and group, and the member it joined (or null). */
  private record Prepared(StatementVersion version, String body, Fingerprints.Fingerprint fingerprint, long group,
      String name, String partner) {}

  // Versions of one statement within a request are applied in order, so the last one wins as in Lucene.
  private void bulk(String ndjson) {
    JsonNode r = client.callNdjson("/" + target() + "/_bulk", ndjson);
    if (r.path("errors").asBoolean(false)) {
      for (JsonNode item : r.path("items")) {
        JsonNode err = item.path("index").path("error");
        if (!err.isMissingNode()) {
          throw new OpenSearchException("OpenSearch refused statement " + item.path("index").path("_id").asText()
              + ": " + err.path("reason").asText(err.toString()), item.path("index").path("status").asInt(), null);
        }
      }
    }
  }

  @Override
  public synchronized void commit(long storeOffset) {
    String target = target();
    ObjectNode body = json.createObjectNode();
    ObjectNode meta = body.putObject("_meta");
    meta.put(META_OFFSET, storeOffset);
    meta.put(META_DEFINITION, definition.fingerprint());
    client.call("POST", "/" + target + "/_refresh", null);
    client.call("PUT", "/" + target + "/_mapping", body);
    if (building != null) {
      String old = live;
      client.call("POST", "/_aliases", aliasActions(json, old, building, alias));
      live = building;
      building = null;
      client.send("DELETE", "/" + old, null, null);
    }
    appliedOffset = storeOffset;
  }

  private JsonNode meta() {
    JsonNode r = client.call("GET", "/" + target() + "/_mapping", null);
    return r.path(target()).path("mappings").path("_meta");
  }

  @Override
  public long committedOffset() {
    return meta().path(META_OFFSET).asLong(0);
  }

  @Override
  public long appliedOffset() {
    return appliedOffset;
  }

  @Override
  public void setAppliedOffset(long offset) {
    appliedOffset = offset;
  }

  @Override
  public void refresh() {
    client.call("POST", "/" + target() + "/_refresh", null);
  }

  // A rebuild's index takes the alias at its commit: a commit part way would serve half an index.
  @Override
  public boolean mayCommitPartWay() {
    return building == null;
  }

  @Override
  public synchronized void deleteAll() {
    if (building != null) client.send("DELETE", "/" + building, null, null);
    building = create(client, definition, alias);
    duplicates.clear();
    appliedOffset = 0;
  }
}
