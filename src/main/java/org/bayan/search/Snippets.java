package org.bayan.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Highlighted titles and body passages. Offsets come from the postings, so a match is marked exactly where
 * it is in the original text, whatever normalization or stemming made it match. The formatter escapes the
 * text, so a statement holding markup comes back inert. Matches on a field's exact (unstemmed) twin are marked
 * in the field itself.
 */
public final class Snippets {
  public static final int SNIPPET_CHARS = 220;

  private Snippets() {}

  /** Highlighted text per field for each top doc; entries are null where a field is empty for a doc. */
  static Map<String, String[]> highlight(
      IndexSearcher searcher, Analyzer analyzer, Query query, TopDocs docs, String[] fields, boolean whole) {
    UnifiedHighlighter.Builder b = UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
        .withMaxLength(1_000_000)
        // A phrase or prefix matches on a field's exact twin; its offsets mark the same text.
        .withMaskedFieldsFunc(f -> java.util.Set.of(f, org.bayan.index.Fields.exact(f)));
    if (whole) {
      b.withBreakIterator(WholeBreakIterator::new);
    } else {
      b.withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
          BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_CHARS, 0.5f));
    }
    int[] passages = new int[fields.length];
    java.util.Arrays.fill(passages, 1);
    try {
      return b.build().highlightFields(fields, query, docs, passages);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** HTML-escapes plain text, for text shown without highlights. */
  public static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#x27;");
        case '/' -> out.append("&#x2F;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** The start of a body, cut at a word, for a hit whose body holds no match. */
  public static String lead(String body) {
    if (body == null) return "";
    if (body.length() <= SNIPPET_CHARS) return body;
    int cut = body.lastIndexOf(' ', SNIPPET_CHARS);
    return body.substring(0, cut > 0 ? cut : SNIPPET_CHARS) + " …";
  }
}
