package org.bayan.ingest;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * Cuts what a channel received into records, each with its exact bytes (the quarantine keeps what was sent,
 * never a re-serialization) and its place, for {@link ReleaseParser} to judge one at a time; every channel
 * goes through here, so every channel applies the same rules:
 *
 * <ul>
 *   <li>JSON Lines (release files, pushed NDJSON): a CR, an LF or a CRLF ends a record; blank lines are
 *       skipped; record {@code n} is line {@code n}.</li>
 *   <li>A JSON document (pushed {@code application/json}): one release object, or an array of them where
 *       record {@code n} is element {@code n}. Elements are found by their brackets and strings alone, so an
 *       element Jackson cannot read (too deep, a number too long, a duplicate key) is rejected alone while
 *       its neighbours land. Only a document whose structure cannot be followed (an unclosed array, text
 *       after it) is refused as a whole.</li>
 * </ul>
 *
 * A UTF-8 byte order mark at the very start is skipped; UTF-16 and UTF-32 are refused by name (JSON Lines
 * and release format v1 are UTF-8); invalid UTF-8 inside a record rejects that record.
 */
public final class RecordReader {
  private RecordReader() {}

  /** Receives records and the problems that concern a place rather than a record. */
  public interface Sink {
    void record(RawRecord record);

    void rejected(Rejection rejection);
  }

  /** The document as a whole cannot be cut into records; nothing of it should be taken. */
  public static final class InvalidDocumentException extends Exception {
    InvalidDocumentException(String message) {
      super(message);
    }
  }

  /**
   * Delivers every line of {@code in} as a record. A line longer than {@code maxLineBytes} and a stream that
   * ends abruptly (a truncated gzip) are rejections; the lines before them are delivered.
   */
  public static void lines(InputStream in, String source, long maxLineBytes, Sink sink) throws IOException {
    byte[] block = new byte[1 << 16];
    ByteArrayOutputStream line = new ByteArrayOutputStream(8192);
    long lineNo = 1;
    boolean tooLong = false;
    boolean afterCr = false;
    boolean first = true;
    try {
      int n;
      while ((n = in.read(block)) != -1) {
        int from = 0;
        if (first) {
          first = false;
          n = readHead(in, block, n);
          String problem = encodingProblem(block, n, "the file");
          if (problem != null) {
            sink.rejected(new Rejection(source, 1, problem, null));
            return;
          }
          if (hasBom(block, n)) from = 3;
        }
        for (int i = from; i < n; i++) {
          byte b = block[i];
          if (b != '\n' && b != '\r') {
            afterCr = false;
            continue;
          }
          if (b == '\n' && afterCr) {
            // The LF of a CRLF whose CR ended the line already (possibly in the previous block).
            afterCr = false;
            from = i + 1;
            continue;
          }
          tooLong = append(line, block, from, i, tooLong, maxLineBytes);
          deliver(sink, source, lineNo, line, tooLong, maxLineBytes);
          line.reset();
          tooLong = false;
          lineNo++;
          from = i + 1;
          afterCr = b == '\r';
        }
        tooLong = append(line, block, from, n, tooLong, maxLineBytes);
      }
      deliver(sink, source, lineNo, line, tooLong, maxLineBytes);
    } catch (EOFException | ZipException e) {
      sink.rejected(new Rejection(source, lineNo,
          "the file ends abruptly (damaged or truncated gzip); lines before it were read: " + e.getMessage(), null));
    }
  }

  // The first read may return fewer than the 4 bytes the encoding checks look at.
  private static int readHead(InputStream in, byte[] block, int n) throws IOException {
    while (n < 4) {
      int more = in.read(block, n, block.length - n);
      if (more == -1) break;
      n += more;
    }
    return n;
  }

  /**
   * Cuts a JSON document into records: the elements of a top-level array, else the whole document as one
   * record (which the parser rejects unless it is one object).
   *
   * @throws InvalidDocumentException when the document is empty, not UTF-8, or its structure cannot be followed
   */
  public static void document(byte[] body, String source, Sink sink) throws InvalidDocumentException {
    String problem = encodingProblem(body, body.length, "the body");
    if (problem != null) throw new InvalidDocumentException(problem);
    int start = hasBom(body, body.length) ? 3 : 0;
    int pos = skipSpace(body, start);
    if (pos == body.length) throw new InvalidDocumentException("the body is empty: send a release or an array of releases");
    if (body[pos] != '[') {
      sink.record(new RawRecord(source, 1, Arrays.copyOfRange(body, pos, trimEnd(body, pos, body.length))));
      return;
    }
    pos++;
    long element = 0;
    while (true) {
      int from = skipSpace(body, pos);
      if (from == body.length) throw unclosed(body, from, element + 1);
      if (body[from] == ']' && element == 0) {
        pos = from + 1;
        break;
      }
      element++;
      int end = elementEnd(body, from);
      if (end < 0) throw unclosed(body, body.length, element);
      byte[] raw = Arrays.copyOfRange(body, from, trimEnd(body, from, end));
      if (raw.length == 0) {
        sink.rejected(new Rejection(source, element, "element " + element + " is empty (a stray comma)", null, ""));
      } else {
        sink.record(new RawRecord(source, element, raw));
      }
      pos = end + 1;
      if (body[end] == ']') break;
    }
    int rest = skipSpace(body, pos);
    if (rest < body.length) {
      throw new InvalidDocumentException("the body continues after its array ends, at " + lineAndColumn(body, rest)
          + ": send one array of releases (or one release per line as application/x-ndjson)");
    }
  }

  // The offset of the ',' or ']' that ends the array element starting at from, or -1 at the end of the body.
  // Depth is a counter, not a stack: a mismatched bracket inside an element is the parser's to reject.
  private static int elementEnd(byte[] b, int from) {
    long depth = 0;
    boolean inString = false;
    for (int i = from; i < b.length; i++) {
      byte c = b[i];
      if (inString) {
        if (c == '\\') i++;
        else if (c == '"') inString = false;
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth == 0) return c == ']' ? i : -1;
        depth--;
      } else if (c == ',' && depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static InvalidDocumentException unclosed(byte[] body, int at, long element) {
    return new InvalidDocumentException("the body ends (at " + lineAndColumn(body, Math.min(at, body.length))
        + ") before its array is closed, in element " + element + ": nothing was taken");
  }

  private static String lineAndColumn(byte[] b, int offset) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < offset && i < b.length; i++) {
      if (b[i] == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return "line " + line + ", column " + col;
  }

  private static int skipSpace(byte[] b, int i) {
    while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) i++;
    return i;
  }

  private static int trimEnd(byte[] b, int from, int to) {
    while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t' || b[to - 1] == '\n' || b[to - 1] == '\r')) to--;
    return to;
  }

  private static boolean hasBom(byte[] b, int n) {
    return n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }

  // JSON text never starts with a NUL byte; UTF-16 and UTF-32 text without a BOM does, in its first 4 bytes.
  /** Why {@code what} (its first {@code n} bytes in {@code b}) is not UTF-8 JSON, or null. */
  public static String encodingProblem(byte[] b, int n, String what) {
    boolean utf16Bom = n >= 2 && ((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF
        || (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE);
    boolean nul = false;
    for (int i = 0; i < Math.min(n, 4); i++) nul |= b[i] == 0;
    return utf16Bom || nul ? what + " is not UTF-8 (it looks like UTF-16 or UTF-32): release format v1 is UTF-8" : null;
  }

  // Adds block[from, to) to the line unless that makes it longer than allowed; returns whether it is too long.
  private static boolean append(ByteArrayOutputStream line, byte[] block, int from, int to, boolean tooLong,
      long maxLineBytes) {
    if (tooLong) return true;
    if (line.size() + (long) (to - from) > maxLineBytes) {
      line.reset();
      return true;
    }
    line.write(block, from, to - from);
    return false;
  }

  private static void deliver(Sink sink, String source, long lineNo, ByteArrayOutputStream line, boolean tooLong,
      long maxLineBytes) {
    if (tooLong) {
      sink.rejected(new Rejection(source, lineNo, "line longer than " + maxLineBytes + " bytes", null));
      return;
    }
    byte[] bytes = line.toByteArray();
    boolean blank = true;
    for (int i = 0; i < bytes.length && blank; i++) blank = bytes[i] == ' ' || bytes[i] == '\t';
    if (blank) return;
    sink.record(new RawRecord(source, lineNo, bytes));
  }
}
