package org.bayan.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bayan.ingest.InvalidRecordException;
import org.bayan.ingest.Languages;
import org.bayan.ingest.RawRecord;
import org.bayan.ingest.ReleaseFiles;
import org.bayan.ingest.ReleaseParser;
import org.bayan.ingest.Rejection;
import org.bayan.statement.Release;

/**
 * The documents of a test set as releases, in file order (ties in score are broken by that order, so it is
 * kept). Two formats are read: the test-set format {@code {"id", "contents"}}, where the contents become the
 * body of an untitled release of a synthetic agency with its language detected, and release format v1
 * ({@code .jsonl} or {@code .jsonl.gz}), validated as {@code bayan index} validates it.
 */
final class Corpus {
  static final String EVAL_AGENCY = "eval";
  private static final String NO_DATE = "2000-01-01";

  private Corpus() {}

  static List<Release> read(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ReleaseParser parser = new ReleaseParser(agency -> true, ReleaseParser.DEFAULT_MAX_BODY_CHARS);
    List<Release> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    new ReleaseFiles(64L << 20).read(file, new ReleaseFiles.Sink() {
      @Override
      public void record(RawRecord r) {
        try {
          JsonNode o = json.readTree(r.bytes());
          if (o != null && o.has("contents") && !o.has("body")) {
            String id = o.path("id").asText("");
            String text = o.path("contents").asText("");
            if (id.isEmpty() || text.isBlank()) {
              problems.add(r.location() + ": a test-set document needs a non-empty 'id' and 'contents'");
              return;
            }
            out.add(new Release(id, EVAL_AGENCY, "", text, Languages.detect(text), NO_DATE, null, null, null,
                null, null));
          } else {
            out.add(parser.parse(r.bytes()));
          }
        } catch (IOException e) {
          problems.add(r.location() + ": malformed JSON: " + e.getMessage());
        } catch (InvalidRecordException e) {
          problems.add(r.location() + ": " + e.getMessage());
        }
      }

      @Override
      public void rejected(Rejection rejection) {
        problems.add(rejection.toString());
      }
    });
    if (!problems.isEmpty()) {
      throw new IOException(file + ": " + problems.size() + " unreadable documents, first: " + problems.get(0));
    }
    if (out.isEmpty()) throw new IOException(file + ": no documents");
    return out;
  }

  /** "ar" when most documents are Arabic, else "en": picks the stock analyzer for a baseline run. */
  static String majorityLanguage(List<Release> docs) {
    long ar = docs.stream().filter(d -> "ar".equals(d.language())).count();
    return ar * 2 > docs.size() ? "ar" : "en";
  }
}
