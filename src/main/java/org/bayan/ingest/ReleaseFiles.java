package org.bayan.ingest;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads release files in JSON Lines ({@code .jsonl}, {@code .jsonl.gz}), one record a line, each with its
 * {@code file:line}. Problems that concern a line (too long) or the rest of a file (a truncated gzip) become
 * rejections; everything before them is still delivered.
 */
public final class ReleaseFiles {
  private final long maxLineBytes;

  public interface Sink {
    void record(RawRecord record);

    void rejected(Rejection rejection);
  }

  public ReleaseFiles(long maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
  }

  /** The release files named by {@code paths}: files as given, folders searched recursively, sorted. */
  public static List<Path> expand(List<Path> paths) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(Files::isRegularFile).filter(ReleaseFiles::isReleaseFile).sorted().forEach(out::add);
        }
      } else if (Files.isRegularFile(p)) {
        out.add(p);
      } else {
        throw new IOException(p + ": no such file or folder");
      }
    }
    return out;
  }

  public static boolean isReleaseFile(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".jsonl") || n.endsWith(".jsonl.gz");
  }

  /** Bytes of the file being read (as stored: compressed for .gz) read from disk so far, for progress. */
  private long consumed;

  public long consumed() {
    return consumed;
  }

  /** Delivers every line of {@code file} to {@code sink}. Blank lines are skipped. */
  public void read(Path file, Sink sink) throws IOException {
    String name = file.toString();
    consumed = 0;
    try (InputStream raw = counting(Files.newInputStream(file))) {
      InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
      // Read in blocks and cut lines out of them: a byte at a time through a synchronized stream was a
      // quarter of the indexer's reading thread.
      byte[] block = new byte[1 << 16];
      ByteArrayOutputStream line = new ByteArrayOutputStream(8192);
      long lineNo = 1;
      boolean tooLong = false;
      try {
        int n;
        while ((n = in.read(block)) != -1) {
          int from = 0;
          for (int i = 0; i < n; i++) {
            if (block[i] != '\n') continue;
            tooLong = append(line, block, from, i, tooLong);
            deliver(sink, name, lineNo, line, tooLong);
            line.reset();
            tooLong = false;
            lineNo++;
            from = i + 1;
          }
          tooLong = append(line, block, from, n, tooLong);
        }
        deliver(sink, name, lineNo, line, tooLong);
      } catch (EOFException | ZipException e) {
        sink.rejected(new Rejection(name, lineNo,
            "the file ends abruptly (damaged or truncated gzip); lines before it were read: " + e.getMessage(), null));
      }
    }
  }

  private InputStream counting(InputStream in) {
    return new java.io.FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) consumed++;
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) consumed += n;
        return n;
      }
    };
  }

  // Adds block[from, to) to the line unless that makes it longer than allowed; returns whether it is too long.
  private boolean append(ByteArrayOutputStream line, byte[] block, int from, int to, boolean tooLong) {
    if (tooLong) return true;
    if (line.size() + (long) (to - from) > maxLineBytes) {
      line.reset();
      return true;
    }
    line.write(block, from, to - from);
    return false;
  }

  private void deliver(Sink sink, String name, long lineNo, ByteArrayOutputStream line, boolean tooLong) {
    if (tooLong) {
      sink.rejected(new Rejection(name, lineNo, "line longer than " + maxLineBytes + " bytes", null));
      return;
    }
    byte[] bytes = line.toByteArray();
    int len = bytes.length;
    if (len > 0 && bytes[len - 1] == '\r') len--;
    boolean blank = true;
    for (int i = 0; i < len && blank; i++) blank = bytes[i] == ' ' || bytes[i] == '\t';
    if (blank) return;
    if (len != bytes.length) bytes = java.util.Arrays.copyOf(bytes, len);
    sink.record(new RawRecord(name, lineNo, bytes));
  }
}
