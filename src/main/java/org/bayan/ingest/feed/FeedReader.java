package org.bayan.ingest.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bayan.ingest.HtmlText;
import org.bayan.ingest.RawRecord;
import org.bayan.ingest.ReleaseIds;

/**
 * Reads an RSS 2.0 or Atom document into release records (release format v1 JSON, validated afterwards like
 * any other record). Mapping: guid / Atom id → id (made to fit the id characters, prefixed by the agency);
 * pubDate / published, else updated → published_at; content (content:encoded, Atom content), else
 * description / summary, as text → body; title as text → title; link → source_url; the feed's language
 * (ar or en) → language. An item without a date is passed on without one, and so rejected by name.
 */
public final class FeedReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FeedReader() {}

  /** The whole document could not be read. */
  public static final class UnreadableFeedException extends Exception {
    UnreadableFeedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public static List<RawRecord> read(byte[] xml, String contentType, String agency, String source)
      throws UnreadableFeedException {
    SyndFeed feed;
    try {
      SyndFeedInput input = new SyndFeedInput();
      // No DOCTYPE, hence no external entity and no entity expansion: a feed is data, never a reference.
      input.setAllowDoctypes(false);
      input.setXmlHealerOn(false);
      XmlReader reader = new XmlReader(new ByteArrayInputStream(xml), contentType, true);
      checkDecodes(xml, reader.getEncoding());
      feed = input.build(reader);
    } catch (ParsingFeedException e) {
      String where = e.getLineNumber() > 0 ? " at line " + e.getLineNumber() + ", column " + e.getColumnNumber() : "";
      throw new UnreadableFeedException("not a readable RSS or Atom feed" + where + ": " + rootMessage(e), e);
    } catch (FeedException | IOException | IllegalArgumentException e) {
      throw new UnreadableFeedException("not a readable RSS or Atom feed: " + rootMessage(e), e);
    }
    String language = language(feed.getLanguage());
    List<RawRecord> out = new ArrayList<>();
    int n = 0;
    for (SyndEntry e : feed.getEntries()) {
      n++;
      ObjectNode o = JSON.createObjectNode();
      String key = firstNonBlank(e.getUri(), e.getLink(), e.getTitle());
      if (key != null) o.put("id", ReleaseIds.of(agency, key));
      o.put("agency", agency);
      o.put("title", HtmlText.of(e.getTitle()));
      o.put("body", HtmlText.of(html(e)));
      if (language != null) o.put("language", language);
      Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
      if (date != null) {
        o.put("published_at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date.toInstant().atOffset(ZoneOffset.UTC)));
      }
      String link = absolute(source, e.getLink());
      if (link != null) o.put("source_url", link);
      out.add(RawRecord.mapped(source, n, o.toString()));
    }
    return out;
  }

  // A decoder would quietly turn bytes that are wrong for the encoding into U+FFFD; such a feed is refused.
  private static void checkDecodes(byte[] xml, String encoding) throws UnreadableFeedException {
    java.nio.charset.Charset cs;
    try {
      cs = java.nio.charset.Charset.forName(encoding);
    } catch (RuntimeException e) {
      throw new UnreadableFeedException("not a readable RSS or Atom feed: unknown encoding '" + encoding + "'", e);
    }
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(xml);
    try {
      cs.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(in);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new UnreadableFeedException("not a readable RSS or Atom feed: bytes invalid in its encoding "
          + encoding + " near byte " + (in.position() + 1), e);
    }
  }

  private static String html(SyndEntry e) {
    StringBuilder sb = new StringBuilder();
    for (SyndContent c : e.getContents()) if (c.getValue() != null) sb.append(c.getValue()).append('\n');
    if (sb.toString().isBlank() && e.getDescription() != null) sb.append(e.getDescription().getValue());
    return sb.toString();
  }

  // Links are resolved against the feed's URL; one that cannot be made an http(s) URL is left out.
  private static String absolute(String feedUrl, String link) {
    if (link == null || link.isBlank()) return null;
    try {
      String abs = java.net.URI.create(feedUrl).resolve(link.strip()).toString();
      return abs.startsWith("http://") || abs.startsWith("https://") ? abs : null;
    } catch (IllegalArgumentException e) {
      String l = link.strip();
      return l.startsWith("http://") || l.startsWith("https://") ? l : null;
    }
  }

  private static String language(String lang) {
    if (lang == null) return null;
    String l = lang.strip().toLowerCase(Locale.ROOT);
    if (l.startsWith("ar")) return "ar";
    if (l.startsWith("en")) return "en";
    return null;
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) if (v != null && !v.isBlank()) return v.strip();
    return null;
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) c = c.getCause();
    String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    return m.length() > 300 ? m.substring(0, 300) + "…" : m;
  }
}
