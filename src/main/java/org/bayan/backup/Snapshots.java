package org.bayan.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.lucene.index.IndexCommit;
import org.bayan.index.LuceneIndex;
import org.bayan.ingest.IndexSync;
import org.bayan.provenance.TransparencyLog;
import org.bayan.store.DataLayout;
import org.bayan.store.ReleaseStore;

/**
 * Takes and restores snapshots of a data folder.
 *
 * <p>Consistency while writes go on: the index is caught up, committed and that commit pinned (Lucene's
 * SnapshotDeletionPolicy keeps its files while merges and later commits go on); then the log is copied up to
 * its last complete entry; then the store, append-only, up to its end at that moment. Each copy is at or
 * past the one before it: the log holds only stored versions, the commit only logged ones. Opening the
 * restored folder replays the store past the commit's offset into log and index, as after a crash.
 */
public final class Snapshots {
  public static final String MANIFEST = "manifest.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** Small files copied whole: each is replaced atomically by its writer, so a copy is one whole version. */
  private static final List<String> SETTINGS = List.of("agencies.json", "api-keys.json", "fetch-state.json",
      "rejects.jsonl", "keys/checkpoint.key");

  private final DataLayout layout;
  private final ReleaseStore store;
  private final LuceneIndex index;
  private final TransparencyLog log;
  private final IndexSync sync;

  public Snapshots(DataLayout layout, ReleaseStore store, LuceneIndex index, TransparencyLog log, IndexSync sync) {
    this.layout = layout;
    this.store = store;
    this.index = index;
    this.log = log;
    this.sync = sync;
  }

  /** What a snapshot holds. */
  public record Manifest(Path dir, long storeBytes, long logEntries, long logBytes, long indexStoreOffset,
      long indexGeneration, int files) {}

  /** Writes a snapshot into {@code target}, which must not exist or be empty. */
  public synchronized Manifest take(Path target) throws IOException {
    requireEmpty(target, "snapshot target");
    Files.createDirectories(target);
    IndexCommit commit = sync.catchUpCommitAndSnapshot();
    try {
      ObjectNode files = JSON.createObjectNode();
      long logEntries = log.size();
      long logBytes = log.committedBytes();
      copyPrefix(log.file(), target.resolve(rel(layout.logDir().resolve(log.file().getFileName()))), logBytes, files, target);
      store.refresh();
      long storeBytes = store.endOffset();
      copyPrefix(store.file(), target.resolve(rel(store.file())), storeBytes, files, target);
      Path indexTarget = target.resolve(rel(layout.indexDir()));
      Files.createDirectories(indexTarget);
      for (String name : commit.getFileNames()) {
        Path src = layout.indexDir().resolve(name);
        copyPrefix(src, indexTarget.resolve(name), Files.size(src), files, target);
      }
      for (String s : SETTINGS) {
        Path src = layout.root().resolve(s);
        if (Files.isRegularFile(src)) copyPrefix(src, target.resolve(s), Files.size(src), files, target);
      }
      long offset = Long.parseLong(commit.getUserData().getOrDefault(LuceneIndex.STORE_OFFSET, "0"));
      ObjectNode m = JSON.createObjectNode();
      m.put("format", 1);
      m.put("created_at", Instant.now().toString());
      m.put("store_bytes", storeBytes);
      m.put("log_entries", logEntries);
      m.put("log_bytes", logBytes);
      m.put("index_generation", commit.getGeneration());
      m.put("index_store_offset", offset);
      m.set("files", files);
      Path tmp = target.resolve(MANIFEST + ".tmp");
      JSON.writeValue(tmp.toFile(), m);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, target.resolve(MANIFEST), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return new Manifest(target, storeBytes, logEntries, logBytes, offset, commit.getGeneration(), files.size());
    } finally {
      index.releaseSnapshot(commit);
    }
  }

  /**
   * Copies a snapshot into the data folder {@code data}, after checking every file's size and SHA-256
   * against the manifest. Refuses a data folder with anything in it unless {@code force}, in which case its
   * store, index, log and settings files are replaced. Nothing may have the data folder open.
   */
  public static Manifest restore(Path snapshot, Path data, boolean force) throws IOException {
    Path manifestFile = snapshot.resolve(MANIFEST);
    if (!Files.isRegularFile(manifestFile)) {
      throw new IOException(snapshot + " is not a snapshot: it has no " + MANIFEST + " (an interrupted snapshot has none)");
    }
    JsonNode m = JSON.readTree(manifestFile.toFile());
    JsonNode files = m.path("files");
    List<String> names = new ArrayList<>();
    files.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      Path f = resolveInside(snapshot, name);
      JsonNode want = files.get(name);
      if (!Files.isRegularFile(f) || Files.size(f) != want.path("bytes").asLong()
          || !sha256(f).equals(want.path("sha256").asText())) {
        throw new IOException("snapshot file " + f + " is missing or differs from the manifest; the snapshot is damaged");
      }
    }
    DataLayout layout = new DataLayout(data);
    if (!force) {
      requireEmpty(data, "restore target (pass --force to replace what is there)");
    } else {
      requireUnused(layout);
      for (Path p : List.of(layout.storeDir(), layout.indexDir(), layout.logDir())) deleteTree(p);
      for (String s : SETTINGS) Files.deleteIfExists(layout.root().resolve(s));
    }
    for (String name : names) {
      Path dst = resolveInside(layout.root(), name);
      Files.createDirectories(dst.getParent());
      Files.copy(resolveInside(snapshot, name), dst, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      try (FileChannel ch = FileChannel.open(dst, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
    }
    return new Manifest(snapshot, m.path("store_bytes").asLong(), m.path("log_entries").asLong(),
        m.path("log_bytes").asLong(), m.path("index_store_offset").asLong(), m.path("index_generation").asLong(),
        names.size());
  }

  private String rel(Path p) {
    return layout.root().relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  /** A manifest's relative name inside {@code root}; a name that would leave it is a damaged snapshot. */
  private static Path resolveInside(Path root, String name) throws IOException {
    Path r = root.toAbsolutePath().normalize();
    Path p = r.resolve(name).normalize();
    if (!p.startsWith(r) || p.equals(r)) throw new IOException("snapshot names a file outside itself: " + name);
    return p;
  }

  private static void copyPrefix(Path src, Path dst, long bytes, ObjectNode files, Path root) throws IOException {
    Files.createDirectories(dst.getParent());
    MessageDigest md = sha();
    try (InputStream in = new DigestInputStream(Files.newInputStream(src), md);
        OutputStream out = Files.newOutputStream(dst, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      byte[] buf = new byte[1 << 16];
      long left = bytes;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) throw new IOException(src + " is shorter than the " + bytes + " bytes to copy");
        out.write(buf, 0, n);
        left -= n;
      }
    }
    try (FileChannel ch = FileChannel.open(dst, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    ObjectNode f = files.putObject(root.relativize(dst).toString().replace('\\', '/'));
    f.put("bytes", bytes);
    f.put("sha256", HexFormat.of().formatHex(md.digest()));
  }

  private static String sha256(Path f) throws IOException {
    MessageDigest md = sha();
    try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static MessageDigest sha() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Replacing the files under a running server would corrupt what it holds open: refuse while it runs. */
  private static void requireUnused(DataLayout layout) throws IOException {
    if (!Files.isDirectory(layout.indexDir())) return;
    try (org.apache.lucene.store.Directory d = org.apache.lucene.store.FSDirectory.open(layout.indexDir());
        org.apache.lucene.store.Lock l = d.obtainLock(org.apache.lucene.index.IndexWriter.WRITE_LOCK_NAME)) {
      l.ensureValid();
    } catch (org.apache.lucene.store.LockObtainFailedException e) {
      throw new IOException("a Bayan server or indexer has " + layout.root() + " open; stop it before restoring into it", e);
    }
  }

  private static void requireEmpty(Path dir, String what) throws IOException {
    if (!Files.exists(dir)) return;
    if (!Files.isDirectory(dir)) throw new FileAlreadyExistsException(dir + ": " + what + " is a file");
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      if (s.iterator().hasNext()) throw new FileAlreadyExistsException(dir + ": " + what + " is not empty");
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (var walk = Files.walk(p)) {
      for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
    }
  }

}
