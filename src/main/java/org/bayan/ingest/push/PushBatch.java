package org.bayan.ingest.push;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bayan.ingest.RawRecord;
import org.bayan.ingest.RecordReader;
import org.bayan.ingest.Rejection;

/**
 * Reads a pushed body into raw records by its media type: {@code application/json} holds one release object
 * or an array of them (record {@code n} is element {@code n}, from 1); {@code application/x-ndjson},
 * {@code application/jsonl} or {@code application/x-jsonlines} hold one release per line (record {@code n}
 * is line {@code n}). A record that cannot be read is that record's problem; a document whose structure
 * cannot be followed (unclosed, text after the array), an empty body and a body that is not UTF-8 are the
 * batch's.
 */
public final class PushBatch {
  private static final List<String> LINES =
      List.of("application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/json-lines");

  private PushBatch() {}

  /** The batch cannot be read as a whole (wrong media type, malformed JSON document). */
  public static final class InvalidBatchException extends Exception {
    private final boolean unsupportedType;

    InvalidBatchException(String message, boolean unsupportedType) {
      super(message);
      this.unsupportedType = unsupportedType;
    }

    public boolean unsupportedType() {
      return unsupportedType;
    }
  }

  /**
   * The records of a pushed body, with the rejections its reader made (an empty array element); every record
   * is cut by {@link RecordReader}, as a release file's lines are.
   */
  public record Batch(List<RawRecord> records, List<Rejection> rejections) {}

  public static Batch read(byte[] body, String contentType, String source) throws InvalidBatchException {
    String type = mediaType(contentType);
    if (!LINES.contains(type) && !type.equals("application/json")) {
      throw new InvalidBatchException("Content-Type '" + type + "' is not accepted: send application/json "
          + "(a release or an array of releases) or application/x-ndjson (one release per line)", true);
    }
    String encoding = RecordReader.encodingProblem(body, body.length, "the body");
    if (encoding != null) throw new InvalidBatchException(encoding, false);
    List<RawRecord> records = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    RecordReader.Sink sink = new RecordReader.Sink() {
      @Override
      public void record(RawRecord record) {
        records.add(record);
      }

      @Override
      public void rejected(Rejection rejection) {
        rejections.add(rejection);
      }
    };
    if (LINES.contains(type)) {
      try {
        RecordReader.lines(new ByteArrayInputStream(body), source, Long.MAX_VALUE, sink);
      } catch (java.io.IOException e) {
        throw new IllegalStateException("reading bytes in memory", e);
      }
    } else {
      try {
        RecordReader.document(body, source, sink);
      } catch (RecordReader.InvalidDocumentException e) {
        throw new InvalidBatchException(e.getMessage(), false);
      }
    }
    if (records.isEmpty() && rejections.isEmpty()) {
      throw new InvalidBatchException("the body holds no release: send a release, an array of releases or "
          + "one release per line", false);
    }
    return new Batch(records, rejections);
  }

  private static String mediaType(String contentType) {
    if (contentType == null) return "";
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }
}
