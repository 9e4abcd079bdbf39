package org.bayan.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.bayan.statement.Release;
import org.bayan.statement.ReleaseLimits;

/**
 * Validates one record of release format v1 and turns it into a {@link Release}. Every rejection reason
 * names the field at fault. The domain of each field is {@link ReleaseLimits}: what passes here can be
 * stored, logged and indexed.
 */
public final class ReleaseParser {
  /** Default cap on a body, in characters: far above any real release, low enough to stop pasted dumps. */
  public static final int DEFAULT_MAX_BODY_CHARS = 200_000;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1," + ReleaseLimits.MAX_ID_CHARS + "}");
  private static final Set<String> LANGUAGES = Set.of("ar", "en");
  private static final Set<String> KNOWN_FIELDS = Set.of(
      "id", "agency", "title", "body", "language", "published_at", "source_url", "category", "type",
      "signature", "key_id");
  /** Fields indexed or kept whole, each within {@link ReleaseLimits#MAX_KEYWORD_CHARS}. */
  private static final List<String> KEYWORD_FIELDS = List.of("agency", "language", "category", "type", "signature", "key_id");

  private final ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private final Predicate<String> agencyExists;
  private final int maxBodyChars;

  public ReleaseParser(Predicate<String> agencyExists, int maxBodyChars) {
    this.agencyExists = agencyExists;
    this.maxBodyChars = maxBodyChars;
  }

  public Release parse(byte[] bytes) throws InvalidRecordException {
    String text = decodeUtf8(bytes);
    JsonNode o = readOne(text);
    if (o == null || !o.isObject()) {
      throw new InvalidRecordException("a release must be a JSON object", null);
    }
    // Before any value is quoted in a reason: a reason with a lone surrogate could not be written either.
    checkUnicode(o);
    String id = string(o, "id", null);
    if (id == null || id.isEmpty()) throw new InvalidRecordException("missing field 'id'", null);
    if (!ID.matcher(id).matches()) {
      throw new InvalidRecordException("invalid 'id': letters, digits and . _ : - only, at most "
          + ReleaseLimits.MAX_ID_CHARS + " characters", abbreviate(id));
    }
    if (id.equals(".") || id.equals("..")) {
      // A URL path resolves them away: /api/statements/.. would never reach the statement.
      throw new InvalidRecordException("invalid 'id': '.' and '..' are not ids", null);
    }
    var names = o.fieldNames();
    while (names.hasNext()) {
      String f = names.next();
      if (!KNOWN_FIELDS.contains(f)) {
        throw new InvalidRecordException("unknown field '" + abbreviate(f) + "' (release format v1)", id);
      }
    }
    for (String f : KEYWORD_FIELDS) capped(o, f, ReleaseLimits.MAX_KEYWORD_CHARS, id);
    capped(o, "title", ReleaseLimits.MAX_TITLE_CHARS, id);
    capped(o, "source_url", ReleaseLimits.MAX_URL_CHARS, id);
    capped(o, "published_at", ReleaseLimits.MAX_KEYWORD_CHARS, id);
    String agency = string(o, "agency", id);
    if (agency == null || agency.isEmpty()) throw new InvalidRecordException("missing field 'agency'", id);
    if (!agencyExists.test(agency)) {
      throw new InvalidRecordException(
          "unknown agency '" + abbreviate(agency) + "': register it in the agencies file first", id);
    }
    String body = string(o, "body", id);
    if (body == null || body.isBlank()) throw new InvalidRecordException("missing or empty field 'body'", id);
    if (body.length() > maxBodyChars) {
      throw new InvalidRecordException(
          "'body' has " + body.length() + " characters, over the limit of " + maxBodyChars
              + " (setting --max-body-chars)", id);
    }
    String title = string(o, "title", id);
    String language = string(o, "language", id);
    if (language == null || language.isEmpty()) {
      language = Languages.detect((title == null ? "" : title) + " " + body);
    } else if (!LANGUAGES.contains(language)) {
      throw new InvalidRecordException("invalid 'language' '" + abbreviate(language) + "': use ar or en", id);
    }
    String published = string(o, "published_at", id);
    if (published == null || published.isEmpty()) {
      throw new InvalidRecordException("missing field 'published_at'", id);
    }
    try {
      published = Release.canonicalDate(published);
    } catch (IllegalArgumentException e) {
      throw new InvalidRecordException(e.getMessage(), id);
    }
    Release parsed = new Release(
        id, agency, title == null ? "" : title.strip(), body, language, published, null, null, null, null, null);
    if (!ReleaseLimits.inRange(parsed.publishedInstant())) {
      throw new InvalidRecordException("published_at '" + published + "' is outside the years Bayan holds ("
          + ReleaseLimits.range() + ")", id);
    }
    String url = emptyToNull(string(o, "source_url", id));
    if (url != null) checkUrl(url, id);
    return new Release(
        id, agency, parsed.title(), body, language, published, url,
        emptyToNull(string(o, "category", id)), emptyToNull(string(o, "type", id)),
        emptyToNull(string(o, "signature", id)), emptyToNull(string(o, "key_id", id)));
  }

  // Exactly one JSON value: what follows it (a second object on the line) would otherwise be dropped unseen.
  private JsonNode readOne(String text) throws InvalidRecordException {
    try (JsonParser p = json.createParser(text)) {
      JsonNode o = json.readTree(p);
      if (o != null && p.nextToken() != null) {
        throw new InvalidRecordException("more than one JSON value in one record"
            + where(p.currentTokenLocation()) + ": one release per line, or an array of releases", null);
      }
      return o;
    } catch (JsonProcessingException e) {
      // Past a stream limit (nesting, number length, string length) Jackson has no location to give.
      throw new InvalidRecordException("malformed JSON" + where(e.getLocation()) + ": " + e.getOriginalMessage(), null);
    } catch (java.io.IOException e) {
      throw new InvalidRecordException("malformed JSON: " + e.getMessage(), null);
    }
  }

  private static String where(JsonLocation at) {
    return at == null || at.getColumnNr() < 1 ? "" : " at column " + at.getColumnNr();
  }

  private static void checkUnicode(JsonNode o) throws InvalidRecordException {
    var fields = o.fields();
    while (fields.hasNext()) {
      var f = fields.next();
      int at = ReleaseLimits.loneSurrogate(f.getKey());
      if (at >= 0) throw new InvalidRecordException("a field name holds an unpaired surrogate (not Unicode text)", null);
      if (f.getValue().isTextual() && (at = ReleaseLimits.loneSurrogate(f.getValue().textValue())) >= 0) {
        throw new InvalidRecordException("field '" + f.getKey() + "' holds an unpaired surrogate (U+"
            + Integer.toHexString(f.getValue().textValue().charAt(at)).toUpperCase(java.util.Locale.ROOT)
            + ") at character " + (at + 1) + ": not Unicode text", null);
      }
    }
  }

  private static void capped(JsonNode o, String field, int max, String id)
      throws InvalidRecordException {
    JsonNode v = o.get(field);
    if (v != null && v.isTextual() && v.textValue().length() > max) {
      throw new InvalidRecordException("'" + field + "' has " + v.textValue().length()
          + " characters, over the limit of " + max, id);
    }
  }

  private static String decodeUtf8(byte[] bytes) throws InvalidRecordException {
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      return d.decode(in).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidRecordException("invalid UTF-8 near byte " + (in.position() + 1), null);
    }
  }

  private static String string(JsonNode o, String field, String id) throws InvalidRecordException {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) return null;
    if (!v.isTextual()) {
      throw new InvalidRecordException("field '" + field + "' must be a string, not " + v.getNodeType(), id);
    }
    return v.textValue();
  }

  private static void checkUrl(String url, String id) throws InvalidRecordException {
    try {
      URI u = new URI(url);
      String scheme = u.getScheme();
      if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || u.getHost() == null) {
        throw new InvalidRecordException("'source_url' must be an absolute http or https URL", id);
      }
    } catch (URISyntaxException e) {
      // Real agency URLs carry raw Arabic and spaces; accept what a browser would, by its scheme and host.
      String lower = url.toLowerCase();
      if (!(lower.startsWith("http://") || lower.startsWith("https://")) || url.length() < 10
          || url.chars().anyMatch(c -> c < 0x20)) {
        throw new InvalidRecordException("'source_url' must be an absolute http or https URL", id);
      }
    }
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
