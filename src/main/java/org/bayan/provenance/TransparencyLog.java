package org.bayan.provenance;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32C;

/**
 * The durable, append-only transparency log of accepted statement versions, with the Merkle roots and proofs
 * over it.
 *
 * <p>On disk, a directory holding {@code log.lock} (held with an exclusive {@link FileLock} while open, so
 * one process writes) and {@code log.dat}: the 8-byte magic {@code BAYANLG1}, then records
 *
 * <pre>
 *   u32 length   big-endian length L of the payload (33 + JSON length)
 *   u32 crc      CRC32C of the 4 length bytes followed by the payload
 *   payload      u8 flags (bit 0: last record of one append call), 32-byte leaf hash, canonical JSON entry
 * </pre>
 *
 * <p>Each append call writes its records in one go and forces them to disk before returning, so an
 * acknowledged entry survives a crash, and the commit flag on its last record makes a batch all-or-nothing.
 * Opening repairs what a crash during an append can leave: a partial or bad-CRC final record, zeros after the
 * last good record, or a batch without its commit record; these are cut off and described by
 * {@link #recoveryNote()}. Any other damage (a bad record followed by more data or by an intact record, a leaf
 * hash that does not match its entry) throws {@link CorruptLogException}: acknowledged history is never dropped silently.
 *
 * <p>Thread-safe: appends are serialized; readers take no lock, seeing the size as of their call. Leaf hashes
 * stay in memory (32 bytes per entry); entries are read from disk when asked for.
 */
public final class TransparencyLog implements MerkleTree.LeafHashes, AutoCloseable {
  static final String DATA_FILE = "log.dat";
  static final String LOCK_FILE = "log.lock";
  static final byte[] MAGIC = {'B', 'A', 'Y', 'A', 'N', 'L', 'G', '1'};
  static final int HEADER = 8;
  static final int MAX_PAYLOAD = 1 << 20;
  private static final int FLAG_COMMIT = 1;
  private static final int CHUNK_BITS = 16;
  private static final int CHUNK = 1 << CHUNK_BITS;
  private static final int MAX_CHUNKS = 1 << 14; // 2^30 entries, far past any plausible log

  private final Path file;
  private final FileChannel channel;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final ObjectMapper mapper = new ObjectMapper();
  private final MerkleTree tree = new MerkleTree(this);
  private final ReentrantLock writer = new ReentrantLock();
  private final String recoveryNote;
  // Filled by the writer before it publishes a larger size through the volatile field, so a reader that read
  // size sees every slot below it without locking.
  private final byte[][] leafChunks = new byte[MAX_CHUNKS][];
  private final long[][] offsetChunks = new long[MAX_CHUNKS][];
  private volatile long size;
  private long end; // file offset after the last committed record
  private IOException failure; // set when an append failed midway; the file state is then unknown

  private TransparencyLog(Path file, FileChannel channel, FileChannel lockChannel, FileLock lock, String note) {
    this.file = file;
    this.channel = channel;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.recoveryNote = note;
  }

  /**
   * Opens the log in {@code dir} for reading and appending, creating it if absent, and repairs a torn tail.
   *
   * @throws CorruptLogException if the log file is damaged in a way a crash cannot explain
   * @throws IOException if another process (or this one) already has the log open
   */
  public static TransparencyLog open(Path dir) throws IOException {
    return open(dir, ChannelOpener.FILES);
  }

  /** {@link #open(Path)} with the log file's channel opened by {@code opener}. */
  public static TransparencyLog open(Path dir, ChannelOpener opener) throws IOException {
    Files.createDirectories(dir);
    Path lockPath = dir.resolve(LOCK_FILE);
    FileChannel lockChannel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      lockChannel.close();
      throw new IOException("transparency log " + dir + " is already open for writing (lock " + lockPath + " is held)");
    }
    Path file = dir.resolve(DATA_FILE);
    FileChannel ch = null;
    try {
      boolean created = !Files.exists(file);
      ch = opener.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      if (created) syncDirectory(dir);
      Loader loader = new Loader(file, ch);
      loader.load();
      TransparencyLog log = new TransparencyLog(file, ch, lockChannel, lock, loader.note);
      for (int i = 0; i < loader.leaves.size(); i++) log.put(i, loader.leaves.get(i), loader.offsets.get(i));
      log.end = loader.end;
      log.size = loader.leaves.size();
      return log;
    } catch (IOException | RuntimeException e) {
      if (ch != null) ch.close();
      lock.release();
      lockChannel.close();
      throw e;
    }
  }

  /** What opening repaired (a torn tail cut off), if anything; meant for the server log. */
  public Optional<String> recoveryNote() {
    return Optional.ofNullable(recoveryNote);
  }

  /** Appends one entry durably and returns its index. */
  public long append(LogEntry entry) throws IOException {
    return appendAll(List.of(entry));
  }

  /**
   * Appends entries as one durable, all-or-nothing batch with a single fsync; returns the index of the first.
   * A failed append (a full disk) is cut off the file again, so it leaves the log as it was and the next
   * append may succeed; only if that cut fails too does the log refuse further appends until reopened (which
   * repairs the tail), since what reached the disk is then unknown.
   */
  public long appendAll(List<LogEntry> entries) throws IOException {
    if (entries.isEmpty()) throw new IllegalArgumentException("nothing to append");
    List<byte[]> jsons = new ArrayList<>(entries.size());
    List<byte[]> leaves = new ArrayList<>(entries.size());
    long total = 0;
    for (int i = 0; i < entries.size(); i++) {
      byte[] json = entries.get(i).canonicalBytes();
      if (json.length + 33 > MAX_PAYLOAD) {
        throw new IllegalArgumentException("entry " + i + " (id " + entries.get(i).id() + ") is "
            + json.length + " bytes, over the record limit of " + MAX_PAYLOAD);
      }
      jsons.add(json);
      leaves.add(MerkleTree.leafHash(json));
      total += HEADER + 33 + json.length;
    }
    if (total > Integer.MAX_VALUE - 16) throw new IllegalArgumentException("batch too large: " + total + " bytes");
    writer.lock();
    try {
      if (failure != null) throw new IOException("transparency log " + file + " failed earlier; reopen it", failure);
      if (!channel.isOpen()) throw new IOException("transparency log " + file + " is closed");
      if (size + entries.size() > (long) MAX_CHUNKS * CHUNK) throw new IOException("transparency log is full");
      ByteBuffer buf = ByteBuffer.allocate((int) total);
      long[] offsets = new long[entries.size()];
      for (int i = 0; i < jsons.size(); i++) {
        offsets[i] = end + buf.position();
        encode(buf, i == jsons.size() - 1 ? FLAG_COMMIT : 0, leaves.get(i), jsons.get(i));
      }
      buf.flip();
      try {
        long pos = end;
        while (buf.hasRemaining()) pos += channel.write(buf, pos);
        channel.force(true); // metadata too: the file grew
      } catch (IOException e) {
        try {
          channel.truncate(end);
          channel.force(true);
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
          failure = e;
        }
        throw new IOException("appending to transparency log " + file + " at offset " + end + " failed: "
            + e.getMessage(), e);
      }
      long first = size;
      for (int i = 0; i < leaves.size(); i++) put(first + i, leaves.get(i), offsets[i]);
      end += total;
      size = first + leaves.size();
      return first;
    } finally {
      writer.unlock();
    }
  }

  static void encode(ByteBuffer buf, int flags, byte[] leaf, byte[] json) {
    int start = buf.position();
    int length = 33 + json.length;
    buf.putInt(length).putInt(0).put((byte) flags).put(leaf).put(json);
    CRC32C crc = new CRC32C();
    crc.update(buf.array(), start, 4);
    crc.update(buf.array(), start + HEADER, length);
    buf.putInt(start + 4, (int) crc.getValue());
  }

  /**
   * The log file and its length up to the last complete entry: a copy of that many bytes is a valid log of
   * {@link #size} or more entries, even while entries are being appended.
   */
  public Path file() {
    return file;
  }

  public long committedBytes() {
    writer.lock();
    try {
      return end;
    } finally {
      writer.unlock();
    }
  }

  /** Number of entries. */
  @Override
  public long size() {
    return size;
  }

  /** The leaf hash of entry {@code i}. */
  @Override
  public byte[] leafHash(long i) {
    checkIndex(i, size);
    byte[] chunk = leafChunks[(int) (i >>> CHUNK_BITS)];
    int off = (int) (i & (CHUNK - 1)) * 32;
    return Arrays.copyOfRange(chunk, off, off + 32);
  }

  /** Entry {@code i}, read from disk. */
  public LogEntry entry(long i) throws IOException {
    byte[] json = entryBytes(i);
    try {
      return LogEntry.parse(json, mapper);
    } catch (IllegalArgumentException e) {
      throw new CorruptLogException(file, offset(i), "entry " + i + ": " + e.getMessage());
    }
  }

  /** Entries {@code start} (inclusive) to {@code end} (exclusive). Callers bound the range. */
  public List<LogEntry> entries(long start, long end) throws IOException {
    long n = size;
    if (start < 0 || end < start || end > n) {
      throw new IllegalArgumentException("entry range " + start + ".." + end + " is outside 0.." + n);
    }
    List<LogEntry> out = new ArrayList<>((int) Math.min(end - start, 1 << 16));
    for (long i = start; i < end; i++) out.add(entry(i));
    return out;
  }

  /** The stored canonical JSON of entry {@code i}: exactly the bytes its leaf hash covers. */
  public byte[] entryBytes(long i) throws IOException {
    checkIndex(i, size);
    long off = offset(i);
    ByteBuffer head = ByteBuffer.allocate(HEADER);
    readFully(head, off);
    int length = head.getInt(0);
    if (length < 33 || length > MAX_PAYLOAD) throw new CorruptLogException(file, off, "bad record length " + length);
    ByteBuffer payload = ByteBuffer.allocate(length);
    readFully(payload, off + HEADER);
    CRC32C crc = new CRC32C();
    crc.update(head.array(), 0, 4);
    crc.update(payload.array());
    if ((int) crc.getValue() != head.getInt(4)) throw new CorruptLogException(file, off, "CRC mismatch on read");
    return Arrays.copyOfRange(payload.array(), 33, length);
  }

  /** Root hash of the tree of the first {@code treeSize} entries. */
  public byte[] root(long treeSize) {
    return tree.root(treeSize);
  }

  /** Audit path for entry {@code index} in the tree of the first {@code treeSize} entries. */
  public List<byte[]> inclusionProof(long index, long treeSize) {
    return tree.inclusionProof(index, treeSize);
  }

  /** Consistency proof from tree size {@code m} to {@code n}, {@code 1 <= m <= n <= size()}. */
  public List<byte[]> consistencyProof(long m, long n) {
    return tree.consistencyProof(m, n);
  }

  /** Releases the writer lock and closes the files. */
  @Override
  public void close() throws IOException {
    writer.lock();
    try {
      try {
        channel.close();
      } finally {
        if (lock.isValid()) lock.release();
        lockChannel.close();
      }
    } finally {
      writer.unlock();
    }
  }

  private void put(long i, byte[] leaf, long offset) {
    int c = (int) (i >>> CHUNK_BITS);
    int j = (int) (i & (CHUNK - 1));
    if (leafChunks[c] == null) {
      leafChunks[c] = new byte[CHUNK * 32];
      offsetChunks[c] = new long[CHUNK];
    }
    System.arraycopy(leaf, 0, leafChunks[c], j * 32, 32);
    offsetChunks[c][j] = offset;
  }

  private long offset(long i) {
    return offsetChunks[(int) (i >>> CHUNK_BITS)][(int) (i & (CHUNK - 1))];
  }

  private void readFully(ByteBuffer buf, long pos) throws IOException {
    while (buf.hasRemaining()) {
      int r = channel.read(buf, pos);
      if (r < 0) throw new CorruptLogException(file, pos, "unexpected end of file");
      pos += r;
    }
  }

  private static void checkIndex(long i, long n) {
    if (i < 0 || i >= n) throw new IndexOutOfBoundsException("entry " + i + " is outside 0.." + (n - 1));
  }

  /** Makes a new file's directory entry durable; not every platform can open a directory, hence best effort. */
  private static void syncDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException ignored) {
      // Windows cannot open directories; NTFS journals the entry anyway.
    }
  }

  /** Reads and checks the whole file at open, deciding what is a torn tail and what is corruption. */
  private static final class Loader {
    final Path file;
    final FileChannel ch;
    final List<byte[]> leaves = new ArrayList<>();
    final List<Long> offsets = new ArrayList<>();
    long end = HEADER;
    String note;

    Loader(Path file, FileChannel ch) {
      this.file = file;
      this.ch = ch;
    }

    void load() throws IOException {
      long fileSize = ch.size();
      if (fileSize < HEADER) {
        ByteBuffer b = ByteBuffer.allocate((int) fileSize);
        read(b, 0);
        for (int i = 0; i < fileSize; i++) {
          if (b.get(i) != MAGIC[i] && b.get(i) != 0) {
            throw new CorruptLogException(file, 0, "not a Bayan transparency log (bad magic)");
          }
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(MAGIC), 0);
        ch.force(true);
        if (fileSize > 0) note = file + ": rewrote a partial header of " + fileSize + " bytes";
        return;
      }
      ByteBuffer magic = ByteBuffer.allocate(HEADER);
      read(magic, 0);
      if (!Arrays.equals(magic.array(), MAGIC)) {
        throw new CorruptLogException(file, 0, "not a Bayan transparency log (bad magic)");
      }
      List<byte[]> pendingLeaves = new ArrayList<>();
      List<Long> pendingOffsets = new ArrayList<>();
      long pos = HEADER;
      String tornReason = null;
      ByteBuffer head = ByteBuffer.allocate(HEADER);
      while (pos < fileSize) {
        if (fileSize - pos < HEADER) {
          tornReason = "partial record header";
          break;
        }
        head.clear();
        read(head, pos);
        int length = head.getInt(0);
        if (length < 33 || length > MAX_PAYLOAD) {
          if (zerosFrom(pos, fileSize)) {
            tornReason = "zero bytes after the last record";
            break;
          }
          throw new CorruptLogException(file, pos, "record length " + length + " is outside 33.." + MAX_PAYLOAD);
        }
        long next = pos + HEADER + length;
        if (next > fileSize) {
          tornReason = "record of " + length + " bytes runs past the end of the file";
          break;
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        read(payload, pos + HEADER);
        CRC32C crc = new CRC32C();
        crc.update(head.array(), 0, 4);
        crc.update(payload.array());
        if ((int) crc.getValue() != head.getInt(4)) {
          if (next == fileSize) {
            tornReason = "CRC mismatch on the final record";
            break;
          }
          if (zerosFrom(pos, fileSize)) {
            tornReason = "zero bytes after the last record";
            break;
          }
          throw new CorruptLogException(file, pos, "CRC mismatch in record " + (leaves.size() + pendingLeaves.size())
              + " with " + (fileSize - next) + " bytes after it");
        }
        byte[] p = payload.array();
        int flags = p[0];
        if ((flags & ~FLAG_COMMIT) != 0) throw new CorruptLogException(file, pos, "unknown record flags " + flags);
        byte[] leaf = Arrays.copyOfRange(p, 1, 33);
        if (!Arrays.equals(leaf, MerkleTree.leafHash(Arrays.copyOfRange(p, 33, length)))) {
          throw new CorruptLogException(file, pos, "stored leaf hash does not match the entry of record "
              + (leaves.size() + pendingLeaves.size()));
        }
        pendingLeaves.add(leaf);
        pendingOffsets.add(pos);
        pos = next;
        if ((flags & FLAG_COMMIT) != 0) {
          leaves.addAll(pendingLeaves);
          offsets.addAll(pendingOffsets);
          pendingLeaves.clear();
          pendingOffsets.clear();
          end = pos;
        }
      }
      if (tornReason != null) {
        // A damaged length can make a middle record look like a torn tail; a crash cannot leave a complete
        // record after the torn one, so finding one means acknowledged data is damaged.
        long valid = validRecordAfter(pos, fileSize);
        if (valid >= 0) {
          throw new CorruptLogException(file, pos, tornReason + " in record " + (leaves.size() + pendingLeaves.size())
              + ", yet a valid record follows at offset " + valid);
        }
      }
      if (tornReason == null && !pendingLeaves.isEmpty()) tornReason = "batch without its commit record";
      if (end < fileSize) {
        note = file + ": torn tail at offset " + pos + " (" + tornReason + "); truncated " + (fileSize - end)
            + " bytes from offset " + end + ", dropping " + pendingLeaves.size()
            + " unacknowledged record(s) of an incomplete batch; " + leaves.size() + " entries remain";
        ch.truncate(end);
        ch.force(true);
      }
    }

    /** Offset of the first intact record starting after {@code pos}, or -1. */
    private long validRecordAfter(long pos, long fileSize) throws IOException {
      ByteBuffer head = ByteBuffer.allocate(HEADER);
      for (long q = pos + 1; q + HEADER + 33 <= fileSize; q++) {
        head.clear();
        read(head, q);
        int length = head.getInt(0);
        if (length < 33 || length > MAX_PAYLOAD || q + HEADER + length > fileSize) continue;
        ByteBuffer payload = ByteBuffer.allocate(length);
        read(payload, q + HEADER);
        CRC32C crc = new CRC32C();
        crc.update(head.array(), 0, 4);
        crc.update(payload.array());
        if ((int) crc.getValue() == head.getInt(4)) return q;
      }
      return -1;
    }

    private boolean zerosFrom(long pos, long fileSize) throws IOException {
      ByteBuffer b = ByteBuffer.allocate(1 << 16);
      while (pos < fileSize) {
        b.clear();
        if (fileSize - pos < b.capacity()) b.limit((int) (fileSize - pos));
        read(b, pos);
        for (int i = 0; i < b.limit(); i++) if (b.get(i) != 0) return false;
        pos += b.limit();
      }
      return true;
    }

    private void read(ByteBuffer b, long pos) throws IOException {
      while (b.hasRemaining()) {
        int r = ch.read(b, pos);
        if (r < 0) throw new CorruptLogException(file, pos, "unexpected end of file");
        pos += r;
      }
    }
  }
}
