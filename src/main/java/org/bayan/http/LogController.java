package org.bayan.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bayan.provenance.LogEntry;
import org.bayan.provenance.PublicLog;
import org.bayan.search.InvalidParameterException;

/**
 * The public transparency log: {@code GET /api/log/checkpoint}, {@code /api/log/key},
 * {@code /api/log/entries} and {@code /api/log/consistency}. Each answer reads the log size once, so a proof
 * and the tree size it is for always agree while appends go on.
 */
final class LogController {
  static final int MAX_ENTRIES = 1_000;
  private final PublicLog log;

  LogController(PublicLog log) {
    this.log = log;
  }

  void checkpoint(Context ctx) {
    text(ctx, log.signedCheckpoint(log.log().size()));
  }

  void key(Context ctx) {
    text(ctx, log.verifierKey() + "\n");
  }

  void entries(Context ctx) throws IOException {
    long size = log.log().size();
    long start = Params.whole(ctx, "start", 0);
    if (start < 0 || start > size) {
      throw new InvalidParameterException("start", "must be between 0 and the tree size " + size);
    }
    long end = Params.whole(ctx, "end", Math.min(size, start + MAX_ENTRIES));
    if (end < start) throw new InvalidParameterException("end", "must not be less than start (" + start + ")");
    if (end > size) throw new InvalidParameterException("end", "must not exceed the tree size " + size);
    if (end - start > MAX_ENTRIES) {
      throw new InvalidParameterException("end", "at most " + MAX_ENTRIES + " entries per request (end - start)");
    }
    List<EntryJson> out = new ArrayList<>((int) (end - start));
    List<LogEntry> entries = log.log().entries(start, end);
    for (int i = 0; i < entries.size(); i++) out.add(EntryJson.of(start + i, entries.get(i)));
    ctx.json(new EntriesJson(start, end, size, out));
  }

  void consistency(Context ctx) {
    long size = log.log().size();
    long to = Params.whole(ctx, "to", size);
    if (to < 0 || to > size) throw new InvalidParameterException("to", "must be between 0 and the tree size " + size);
    String fromText = ctx.queryParam("from");
    if (fromText == null || fromText.isBlank()) throw new InvalidParameterException("from", "is required");
    long from = Params.whole(ctx, "from", 0);
    if (from < 0 || from > to) throw new InvalidParameterException("from", "must be between 0 and to (" + to + ")");
    List<String> proof = from == 0 ? List.of() : b64(log.log().consistencyProof(from, to));
    String note = from == 0
        ? "the empty tree is a prefix of every tree, so no proof is needed; check the 'to' checkpoint alone"
        : null;
    ctx.json(new ConsistencyJson(from, to, b64(log.log().root(from)), b64(log.log().root(to)), proof, note));
  }

  static List<String> b64(List<byte[]> hashes) {
    return hashes.stream().map(LogController::b64).toList();
  }

  static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  private static void text(Context ctx, String body) {
    ctx.contentType("text/plain; charset=utf-8").result(body);
  }

  record EntryJson(long index, String id, long version, String contentHash, String agency, String signatureStatus,
      String ingestedAt) {
    static EntryJson of(long index, LogEntry e) {
      return new EntryJson(index, e.id(), e.version(), e.contentHash(), e.agency(), e.signatureStatus(),
          e.ingestedAt().toString());
    }
  }

  record EntriesJson(long start, long end, long treeSize, List<EntryJson> entries) {}

  record ConsistencyJson(long from, long to, String fromRoot, String toRoot, List<String> proof, String note) {}
}
