package org.bayan.ingest.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bayan.ingest.RawRecord;

/**
 * Reads a pushed body into raw records by its media type: {@code application/json} holds one release object
 * or an array of them (record {@code n} is element {@code n}, from 1); {@code application/x-ndjson},
 * {@code application/jsonl} or {@code application/x-jsonlines} hold one release per line (record {@code n}
 * is line {@code n}). A malformed line is that record's problem; a malformed JSON document is the batch's.
 */
public final class PushBatch {
  private static final ObjectMapper JSON = new ObjectMapper();
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

  /** True when records are numbered by line rather than by array position. */
  public static boolean isLines(String contentType) {
    return LINES.contains(mediaType(contentType));
  }

  public static List<RawRecord> read(byte[] body, String contentType, String source) throws InvalidBatchException {
    String type = mediaType(contentType);
    if (LINES.contains(type)) return lines(body, source);
    if (!type.equals("application/json")) {
      throw new InvalidBatchException("Content-Type '" + type + "' is not accepted: send application/json "
          + "(a release or an array of releases) or application/x-ndjson (one release per line)", true);
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidBatchException("the body is not valid JSON (line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage(), false);
    } catch (java.io.IOException e) {
      throw new InvalidBatchException("the body could not be read: " + e.getMessage(), false);
    }
    if (root == null) throw new InvalidBatchException("the body is empty: send a release or an array of releases", false);
    List<RawRecord> out = new ArrayList<>();
    if (root.isArray()) {
      for (int i = 0; i < root.size(); i++) out.add(new RawRecord(source, i + 1, bytes(root.get(i))));
    } else {
      out.add(new RawRecord(source, 1, bytes(root)));
    }
    return out;
  }

  private static List<RawRecord> lines(byte[] body, String source) {
    List<RawRecord> out = new ArrayList<>();
    int start = 0;
    long line = 1;
    for (int i = 0; i <= body.length; i++) {
      if (i == body.length || body[i] == '\n') {
        int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
        String text = new String(body, start, end - start, StandardCharsets.UTF_8);
        if (!text.isBlank()) out.add(new RawRecord(source, line, java.util.Arrays.copyOfRange(body, start, end)));
        start = i + 1;
        line++;
      }
    }
    return out;
  }

  private static byte[] bytes(JsonNode n) {
    return n.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String mediaType(String contentType) {
    if (contentType == null) return "";
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }
}
