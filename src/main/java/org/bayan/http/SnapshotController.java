package org.bayan.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bayan.backup.Snapshots;

/**
 * {@code POST /api/admin/snapshot} (admin key): a consistent snapshot of the data folder taken while serving.
 * The folder is named by the server under its snapshot root, never by the caller: an HTTP client does not
 * choose where the server writes.
 */
final class SnapshotController {
  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
  private final BayanServer.Backups backups;

  SnapshotController(BayanServer.Backups backups) {
    this.backups = backups;
  }

  void take(Context ctx) {
    Path dir = backups.root().resolve("snapshot-" + NAME.format(Instant.now()));
    Snapshots.Manifest m;
    try {
      m = backups.snapshots().take(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("snapshot into " + dir + " failed", e);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("path", m.dir().toString());
    out.put("store_bytes", m.storeBytes());
    out.put("log_entries", m.logEntries());
    out.put("index_store_offset", m.indexStoreOffset());
    out.put("files", m.files());
    ctx.json(out);
  }
}
