package org.bayan.http;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.bayan.search.AgencyRef;
import org.bayan.search.DuplicateRef;
import org.bayan.search.InvalidParameterException;
import org.bayan.search.StatementSearch;
import org.bayan.search.StatementReader;
import org.bayan.search.StatementView;
import org.bayan.search.WordDiff;
import org.bayan.provenance.PublicLog;
import org.bayan.statement.Agency;
import org.bayan.statement.Release;
import org.bayan.statement.SignatureStatus;
import org.bayan.statement.StatementVersion;

/**
 * {@code GET /api/statements/{id}} with its {@code /versions}, {@code /diff} and {@code /proof}, and
 * {@code GET /api/agencies}.
 */
final class StatementController {
  private final StatementReader statements;
  private final StatementSearch search;
  private final java.util.function.Supplier<List<Agency>> agencies;
  private final PublicLog log;

  StatementController(StatementReader statements, StatementSearch search,
      java.util.function.Supplier<List<Agency>> agencies, PublicLog log) {
    this.statements = statements;
    this.search = search;
    this.agencies = agencies;
    this.log = log;
  }

  /** Every version, oldest first, with where it sits in the transparency log. */
  void versions(Context ctx) {
    String id = ctx.pathParam("id");
    List<StatementVersion> all = statements.versions(id);
    if (all.isEmpty()) throw notFound(id);
    long logSize = log.log().size();
    ctx.json(new VersionsJson(id, all.stream().map(v -> new VersionJson(v.version(), v.ingestedAt().toString(),
        v.contentHash(), SignatureStatus.of(v.release()), logIndex(v, logSize))).toList()));
  }

  /** Word-level diff of title and body between two versions (default: the latest and the one before it). */
  void diff(Context ctx) {
    String id = ctx.pathParam("id");
    List<StatementVersion> all = statements.versions(id);
    if (all.isEmpty()) throw notFound(id);
    long to = Params.whole(ctx, "to", all.size());
    if (to < 1 || to > all.size()) {
      throw new InvalidParameterException("to", "statement has versions 1 to " + all.size() + ", not " + to);
    }
    long from = Params.whole(ctx, "from", Math.max(1, to - 1));
    if (from < 1 || from > all.size()) {
      throw new InvalidParameterException("from", "statement has versions 1 to " + all.size() + ", not " + from);
    }
    Release a = all.get((int) from - 1).release();
    Release b = all.get((int) to - 1).release();
    ctx.json(new DiffJson(id, (int) from, (int) to, WordDiff.diff(a.title(), b.title()),
        WordDiff.diff(a.body(), b.body())));
  }

  /** What a reader needs to check a version offline against a signed checkpoint. */
  void proof(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    StatementView view = view(ctx, id);
    StatementVersion v = view.version();
    long logSize = log.log().size();
    Long index = logIndex(v, logSize);
    if (index == null) {
      throw new NotFoundResponse("version " + v.version() + " of statement '" + ErrorMapping.sanitize(id)
          + "' is not in the transparency log yet; it is added within a second of being stored");
    }
    // A reader holding a checkpoint saved earlier needs the proof against that checkpoint's tree, not today's.
    long size = Params.whole(ctx, "tree_size", logSize);
    if (size < 1 || size > logSize) {
      throw new InvalidParameterException("tree_size", "must be between 1 and the log's tree size " + logSize);
    }
    if (index >= size) {
      throw new InvalidParameterException("tree_size", "version " + v.version() + " was logged at index " + index
          + ", after the first " + size + " entries: use a checkpoint of size " + (index + 1) + " or more");
    }
    byte[] entry = log.log().entryBytes(index);
    ctx.json(new ProofJson(id, v.version(), index, size, LogController.b64(log.log().leafHash(index)),
        LogController.b64(log.log().inclusionProof(index, size)), new String(entry, StandardCharsets.UTF_8),
        log.origin(), log.signedCheckpoint(size)));
  }

  private static Long logIndex(StatementVersion v, long logSize) {
    return v.seq() <= logSize ? v.seq() - 1 : null;
  }

  /**
   * The full statement. Its text is returned as data, exactly as stored (the content hash is computed over
   * it); clients must escape it where they show it, as Bayan's own pages do.
   */
  void statement(Context ctx) {
    StatementView view = view(ctx, ctx.pathParam("id"));
    String id = view.version().id();
    ctx.json(StatementJson.of(view, logIndex(view.version(), log.log().size()), search.duplicatesOf(id)));
  }

  private StatementView view(Context ctx, String id) {
    String v = ctx.queryParam("version");
    StatementView view;
    if (v == null || v.isBlank()) {
      view = statements.latest(id).orElseThrow(() -> notFound(id));
    } else {
      int n;
      try {
        n = Integer.parseInt(v.strip());
      } catch (NumberFormatException e) {
        throw new InvalidParameterException("version", "'" + v + "' is not a whole number");
      }
      view = statements.version(id, n).orElseThrow(
          () -> new NotFoundResponse("statement '" + ErrorMapping.sanitize(id) + "' has no version " + n));
    }
    return view;
  }

  void agencies(Context ctx) {
    List<Agency> all = agencies.get();
    Map<String, Long> counts = search.countByAgency(all.stream().map(Agency::id).toList());
    ctx.json(Map.of("agencies", all.stream().map(a -> new AgencyJson(
        a.id(), a.nameAr(), a.nameEn(), a.kind(), a.website(), counts.getOrDefault(a.id(), 0L))).toList()));
  }

  private static NotFoundResponse notFound(String id) {
    return new NotFoundResponse("no statement with id '" + ErrorMapping.sanitize(id) + "'");
  }

  record AgencyJson(String id, String nameAr, String nameEn, String kind, String website, long statements) {}

  record StatementJson(
      String id, int version, int versions, AgencyRef agency, String title, String body, String language,
      String publishedAt, String sourceUrl, String category, String type, String contentHash, String ingestedAt,
      String status, String signature, String keyId, Long logIndex, List<DuplicateRef> duplicates) {
    static StatementJson of(StatementView v, Long logIndex, List<DuplicateRef> duplicates) {
      Release r = v.version().release();
      return new StatementJson(r.id(), v.version().version(), v.versionCount(), v.agency(), r.title(), r.body(),
          r.language(), r.publishedAt(), r.sourceUrl(), r.category(), r.type(), v.version().contentHash(),
          v.version().ingestedAt().toString(), SignatureStatus.of(r), r.signature(), r.keyId(), logIndex,
          duplicates);
    }
  }

  record VersionJson(int version, String ingestedAt, String contentHash, String status, Long logIndex) {}

  record VersionsJson(String id, List<VersionJson> versions) {}

  record DiffJson(String id, int from, int to, List<WordDiff.Op> title, List<WordDiff.Op> body) {}

  record ProofJson(String id, int version, long leafIndex, long treeSize, String leafHash, List<String> inclusionProof,
      String entry, String origin, String checkpoint) {}
}
