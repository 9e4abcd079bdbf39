package org.bayan.ingest;

import java.io.EOFException;
import java.io.FilterInputStream;
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
 * Reads release files in JSON Lines ({@code .jsonl}, {@code .jsonl.gz}), one record a line (CR, LF or CRLF),
 * each with its {@code file:line}. Problems that concern a line (too long) or the rest of a file (a truncated gzip) become
 * rejections; everything before them is still delivered.
 */
public final class ReleaseFiles {
  private final long maxLineBytes;

  /** Where a file's records go: the same as every other channel's. */
  public interface Sink extends RecordReader.Sink {}

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

  /** Delivers every line of {@code file} to {@code sink} ({@link RecordReader#lines}). Blank lines are skipped. */
  public void read(Path file, Sink sink) throws IOException {
    String name = file.toString();
    consumed = 0;
    try (InputStream raw = counting(Files.newInputStream(file))) {
      InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
      RecordReader.lines(in, name, maxLineBytes, sink);
    } catch (EOFException | ZipException e) {
      // A gzip too short for its header fails before the first line is read.
      sink.rejected(new Rejection(name, 1, "the file ends abruptly (damaged or truncated gzip): " + e.getMessage(), null));
    }
  }

  private InputStream counting(InputStream in) {
    return new FilterInputStream(in) {
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
}
