package org.bayan.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import org.bayan.provenance.CanonicalForm;
import org.bayan.provenance.ChannelOpener;
import org.bayan.statement.Release;
import org.bayan.statement.StatementVersion;

/**
 * The append-only release store: one file, one line per accepted statement version, never rewritten.
 *
 * <p>A line is {@code CRC32C-hex SPACE json NEWLINE}, the JSON holding {@code seq, version, hash,
 * ingested_at, release}. {@link #append} returns only after the lines are forced to disk, so an
 * acknowledged release survives a crash. A crash mid-write leaves at most one torn line at the end; it is
 * recognised (no newline, or a checksum that fails on the last line) and cut off by the next writer. A bad
 * line followed by good ones is not a torn write but damage, and is reported with its offset.
 *
 * <p>Several processes may share a store (a server and an indexer): appends take an exclusive file lock and
 * first read what others appended, so versions and sequence numbers stay consistent.
 */
public final class ReleaseStore implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FILE_NAME = "releases.log";

  private final Path file;
  private final FileChannel channel;
  private final FileChannel lockChannel;
  private final StatementTable statements = new StatementTable();
  private long end; // offset just past the last complete, verified line read so far
  private String lastRepair;

  /** A line this instance appended: where it is and the version it holds. */
  private record Appended(long offset, int length, StatementVersion version) {
    long end() {
      return offset + length;
    }
  }

  /** The lines of this instance's last append (see {@link #scan}). */
  private List<Appended> lastAppended = List.of();

  private ReleaseStore(Path dir, ChannelOpener opener) throws IOException {
    Files.createDirectories(dir);
    this.file = dir.resolve(FILE_NAME);
    boolean created = !Files.exists(file);
    this.channel = opener.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    this.lockChannel = FileChannel.open(dir.resolve("append.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    if (created) forceDirectory(dir);
  }

  /** Opens (creating if needed) the store in {@code dir} and reads every complete line. */
  public static ReleaseStore open(Path dir) {
    return open(dir, ChannelOpener.FILES);
  }

  /** {@link #open(Path)} with the store file's channel opened by {@code opener}. */
  public static ReleaseStore open(Path dir, ChannelOpener opener) {
    try {
      ReleaseStore s = new ReleaseStore(dir, opener);
      synchronized (s) {
        s.catchUp();
      }
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open release store in " + dir, e);
    }
  }

  /**
   * Stores the releases that are new or changed, durably, and says for each what happened. Releases whose
   * content hash equals their latest stored version are left alone.
   */
  public List<AppendResult> append(List<Release> releases) {
    List<String> hashes = new ArrayList<>(releases.size());
    for (Release r : releases) hashes.add(CanonicalForm.contentHash(r));
    return append(releases, hashes);
  }

  /**
   * {@link #append(List)} for releases whose content hashes ({@link CanonicalForm#contentHash}) the caller
   * already computed, in the same order: an indexer hashes on several threads, then stores in order.
   */
  public synchronized List<AppendResult> append(List<Release> releases, List<String> contentHashes) {
    if (contentHashes.size() != releases.size()) {
      throw new IllegalArgumentException(releases.size() + " releases but " + contentHashes.size() + " hashes");
    }
    try (FileLock ignored = lockChannel.lock()) {
      catchUp();
      repairTail();
      List<AppendResult> results = new ArrayList<>(releases.size());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Instant now = Instant.now();
      long offset = end;
      List<Appended> appended = new ArrayList<>(releases.size());
      // The table learns of this batch only once its bytes are on disk: until then, a statement's latest
      // version in the batch is looked up here.
      java.util.Map<String, Appended> pending = new java.util.HashMap<>();
      long seq = lastSeq();
      for (int i = 0; i < releases.size(); i++) {
        Release r = releases.get(i);
        String hash = contentHashes.get(i);
        Appended before = pending.get(r.id());
        int version;
        if (before != null) {
          if (before.version().contentHash().equals(hash)) {
            results.add(new AppendResult(AppendResult.Outcome.UNCHANGED, before.version()));
            continue;
          }
          version = before.version().version() + 1;
        } else {
          int st = statements.find(r.id());
          if (st >= 0 && statements.latestHashIs(st, hash)) {
            results.add(new AppendResult(AppendResult.Outcome.UNCHANGED, read(statements.latest(st))));
            continue;
          }
          version = st < 0 ? 1 : statements.history(st).length + 1;
        }
        StatementVersion v = new StatementVersion(++seq, r, version, hash, now);
        byte[] line = encode(v);
        out.write(line);
        Appended a = new Appended(offset, line.length, v);
        appended.add(a);
        pending.put(r.id(), a);
        offset += line.length;
        results.add(new AppendResult(
            version == 1 ? AppendResult.Outcome.ADDED : AppendResult.Outcome.UPDATED, v));
      }
      if (out.size() > 0) {
        write(out.toByteArray());
        for (Appended a : appended) record(a.version(), a.offset(), a.length());
        end = offset;
        lastAppended = appended;
      }
      return results;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to release store " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes and forces a batch at {@code end}. A failure (a full disk) cuts the file back to {@code end}, so
   * the batch left nothing behind: no sequence number was taken, and the next append, once the cause is
   * gone, goes where this one would have. Should the cut fail too, the next append's {@link #repairTail}
   * makes it, as after a crash.
   */
  private void write(byte[] bytes) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    long pos = end;
    try {
      while (buf.hasRemaining()) pos += channel.write(buf, pos);
      channel.force(true);
    } catch (IOException e) {
      try {
        channel.truncate(end);
        channel.force(true);
      } catch (IOException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
  }

  /** Reads lines appended by other processes since the last look. Returns the new end offset. */
  public synchronized long refresh() {
    try {
      catchUp();
      return end;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read release store " + file, e);
    }
  }

  /** Offset just past the last complete line known to this instance. */
  public synchronized long endOffset() {
    return end;
  }

  /** The highest sequence number stored (the number of stored versions), as known to this instance. */
  public synchronized long lastSeq() {
    return statements.versionCount(); // seqs run 1, 2, 3…
  }

  /**
   * The offset of the line holding the version with sequence number {@code seq}, so that derived data can
   * resume from a version rather than from an offset; {@link #endOffset()} for {@code lastSeq() + 1}.
   */
  public synchronized long offsetOfSeq(long seq) {
    long next = lastSeq() + 1;
    if (seq < 1 || seq > next) throw new IllegalArgumentException("seq " + seq + " is outside 1.." + next);
    return seq == next ? end : statements.offset(seq);
  }

  /**
   * Bytes at the end of the file that are not a complete, verified record: a torn write (cut off at the next
   * append) or, if acknowledged versions are known to be missing, a damaged tail.
   */
  public synchronized long unreadTailBytes() {
    try {
      return Math.max(0, channel.size() - end);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read release store " + file, e);
    }
  }

  /** Number of distinct statements. */
  public synchronized int statementCount() {
    return statements.size();
  }

  /** The message of the last torn-tail repair, if this instance made one. */
  public synchronized Optional<String> lastRepair() {
    return Optional.ofNullable(lastRepair);
  }

  public synchronized Optional<StatementVersion> latest(String id) {
    int st = statements.find(id);
    return st < 0 ? Optional.empty() : Optional.of(readUnchecked(statements.latest(st)));
  }

  /** Version {@code version} (1 for the first) of a statement, if stored. */
  public synchronized Optional<StatementVersion> version(String id, int version) {
    int st = statements.find(id);
    if (st < 0 || version < 1) return Optional.empty();
    int[] seqs = statements.history(st);
    return version > seqs.length ? Optional.empty() : Optional.of(readUnchecked(seqs[version - 1]));
  }

  /** Every stored version of a statement, oldest first. */
  public synchronized List<StatementVersion> versions(String id) {
    int st = statements.find(id);
    if (st < 0) return List.of();
    List<StatementVersion> out = new ArrayList<>();
    for (int seq : statements.history(st)) out.add(readUnchecked(seq));
    return out;
  }

  /**
   * Calls {@code sink} for every version stored at or after {@code fromOffset}, in store order, up to the end
   * known now. Returns the offset to continue from.
   */
  public long scan(long fromOffset, Consumer<StatementVersion> sink) {
    long stop;
    List<Appended> recent;
    synchronized (this) {
      stop = end;
      recent = lastAppended;
    }
    // What this instance has just appended is handed over as it was written rather than read back and parsed
    // again: right after an append, the log and the index each scan exactly those lines.
    if (!recent.isEmpty() && recent.getFirst().offset() == fromOffset && recent.getLast().end() == stop) {
      for (Appended a : recent) sink.accept(a.version());
      return stop;
    }
    try {
      forEachLine(fromOffset, stop, (bytes, offset) -> {
        sink.accept(decode(bytes, offset));
        return true;
      });
      return stop;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read release store " + file, e);
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
      lockChannel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // Reads complete lines from `end` on, indexing them; stops at a torn tail without touching it.
  private void catchUp() throws IOException {
    long size = channel.size();
    if (size <= end) return;
    forEachLine(end, size, (bytes, offset) -> {
      StatementVersion v;
      try {
        v = decode(bytes, offset);
      } catch (StoreCorruptException e) {
        if (offset + bytes.length >= size) return false; // a torn last line: left for repairTail()
        throw e;
      }
      record(v, offset, bytes.length);
      end = offset + bytes.length;
      return true;
    });
  }

  private interface LineSink {
    /** Returns false to stop. */
    boolean line(byte[] bytes, long offset);
  }

  // Calls sink for each newline-terminated line in [from, to); an unterminated tail is not a line.
  private void forEachLine(long from, long to, LineSink sink) throws IOException {
    byte[] chunk = new byte[1 << 20];
    ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
    long pos = from;
    long lineStart = from;
    while (pos < to) {
      int n = channel.read(ByteBuffer.wrap(chunk, 0, (int) Math.min(chunk.length, to - pos)), pos);
      if (n <= 0) break;
      int start = 0;
      for (int i = 0; i < n; i++) {
        if (chunk[i] == '\n') {
          line.write(chunk, start, i - start + 1);
          byte[] bytes = line.toByteArray();
          if (!sink.line(bytes, lineStart)) return;
          lineStart += bytes.length;
          line.reset();
          start = i + 1;
        }
      }
      line.write(chunk, start, n - start);
      pos += n;
    }
  }

  private void record(StatementVersion v, long offset, int length) {
    long expected = lastSeq() + 1;
    if (v.seq() != expected) {
      throw new StoreCorruptException(file + ": record at offset " + offset + " has seq " + v.seq() + ", expected "
          + expected);
    }
    statements.add(v.id(), offset, length, v.contentHash());
  }

  // Called under the file lock only: nobody else can be writing, so bytes past `end` are a torn write.
  private void repairTail() throws IOException {
    long size = channel.size();
    if (size > end) {
      lastRepair = file + ": cut a torn write of " + (size - end) + " bytes at offset " + end
          + " (a crash interrupted an append that was never acknowledged)";
      channel.truncate(end);
      channel.force(true);
    }
  }

  private StatementVersion readUnchecked(long seq) {
    try {
      return read(seq);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read release store " + file, e);
    }
  }

  private StatementVersion read(long seq) throws IOException {
    long offset = statements.offset(seq);
    ByteBuffer buf = ByteBuffer.allocate(statements.length(seq));
    long pos = offset;
    while (buf.hasRemaining()) {
      int n = channel.read(buf, pos);
      if (n < 0) throw new IOException(file + ": unexpected end at offset " + pos);
      pos += n;
    }
    return decode(buf.array(), offset);
  }

  private static byte[] encode(StatementVersion v) {
    ObjectNode o = JSON.createObjectNode();
    o.put("seq", v.seq());
    o.put("version", v.version());
    o.put("hash", v.contentHash());
    o.put("ingested_at", v.ingestedAt().toString());
    o.set("release", ReleaseCodec.toJson(v.release()));
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CRC32C crc = new CRC32C();
    crc.update(json);
    byte[] head = String.format("%08x ", crc.getValue()).getBytes(StandardCharsets.US_ASCII);
    byte[] line = new byte[head.length + json.length + 1];
    System.arraycopy(head, 0, line, 0, head.length);
    System.arraycopy(json, 0, line, head.length, json.length);
    line[line.length - 1] = '\n';
    return line;
  }

  private StatementVersion decode(byte[] line, long offset) {
    int n = line.length - 1; // without the newline
    if (n < 10 || line[8] != ' ' || line[n] != '\n') {
      throw new StoreCorruptException(file + ": malformed record at offset " + offset);
    }
    long expected;
    try {
      expected = Long.parseLong(new String(line, 0, 8, StandardCharsets.US_ASCII), 16);
    } catch (NumberFormatException e) {
      throw new StoreCorruptException(file + ": malformed checksum at offset " + offset);
    }
    CRC32C crc = new CRC32C();
    crc.update(line, 9, n - 9);
    if (crc.getValue() != expected) {
      throw new StoreCorruptException(file + ": checksum mismatch in the record at offset " + offset);
    }
    try {
      JsonNode o = JSON.readTree(line, 9, n - 9);
      return new StatementVersion(
          o.get("seq").asLong(),
          ReleaseCodec.fromJson(o.get("release")),
          o.get("version").asInt(),
          o.get("hash").asText(),
          Instant.parse(o.get("ingested_at").asText()));
    } catch (IOException | RuntimeException e) {
      throw new StoreCorruptException(file + ": unreadable record at offset " + offset + ": " + e.getMessage());
    }
  }

  private static void forceDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException ignored) {
      // Not every file system lets a directory be opened for sync; the data itself is still forced.
    }
  }
}
