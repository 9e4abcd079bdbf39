package org.bayan.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.bayan.index.Fields;

/**
 * Highlighted titles and body passages. Offsets come from the postings, so a match is marked exactly where
 * it is in the original text, whatever normalization or stemming made it match. The formatter escapes the
 * text, so a statement holding markup comes back inert. Matches on a field's exact (unstemmed) twin are marked
 * in the field itself.
 *
 * <p>A statement's text is in the fields of its own language only, so each hit is highlighted in those two
 * fields and nowhere else, and each field is given only the clauses of the query that search it: the
 * highlighter finds a hit's matches by running the query it is given against that one document, and a long
 * query over every field of both languages made that cost most of a search.
 */
public final class Snippets {
  public static final int SNIPPET_CHARS = 220;
  /**
   * How much of a body the highlighter reads: far beyond any passage a reader looks for in a result list,
   * short enough that a pasted dump does not cost a search more than the rest of the page. A body whose first
   * match lies beyond it shows its lead instead.
   */
  static final int MAX_HIGHLIGHT_CHARS = 20_000;

  private Snippets() {}

  /** A hit's title and body passage as HTML, each null when that field holds no text. */
  record Highlighted(String title, String snippet) {}

  /**
   * Highlights each hit's title and body in the fields of its language ({@link Fields#indexLanguage}).
   *
   * @param docIds the hits, as searcher doc ids
   * @param docs their stored fields, in the same order (read once by the caller, who needs them anyway)
   */
  static Highlighted[] highlight(IndexSearcher searcher, Analyzer analyzer, Query query, int[] docIds, Document[] docs) {
    Highlighted[] out = new Highlighted[docIds.length];
    Map<String, List<Integer>> byLanguage = new HashMap<>();
    for (int i = 0; i < docIds.length; i++) {
      byLanguage.computeIfAbsent(Fields.indexLanguage(docs[i].get(Fields.LANGUAGE)), k -> new ArrayList<>()).add(i);
    }
    Map<Integer, Document> stored = new HashMap<>();
    for (int i = 0; i < docIds.length; i++) stored.put(docIds[i], docs[i]);
    for (Map.Entry<String, List<Integer>> e : byLanguage.entrySet()) {
      String title = Fields.title(e.getKey());
      String body = Fields.body(e.getKey());
      int[] ids = e.getValue().stream().mapToInt(i -> docIds[i]).toArray();
      Map<String, String[]> marked;
      try {
        marked = new PageHighlighter(searcher, analyzer, query, stored, title)
            .highlightFields(new String[] {title, body}, query, ids, new int[] {1, 1});
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
      for (int k = 0; k < ids.length; k++) {
        out[e.getValue().get(k)] = new Highlighted(marked.get(title)[k], marked.get(body)[k]);
      }
    }
    return out;
  }

  /**
   * The positive leaves of {@code query} that search {@code field}, as one disjunction: what a match in that
   * field can be, which is all highlighting asks (whether the document matches as a whole was settled by the
   * search). Null when no leaf searches the field.
   */
  static Query onlyField(Query query, String field) {
    Set<Query> leaves = new LinkedHashSet<>();
    collect(query, field, leaves);
    if (leaves.isEmpty()) return null;
    if (leaves.size() == 1) return leaves.iterator().next();
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int n = 0;
    for (Query q : leaves) {
      if (n++ >= IndexSearcher.getMaxClauseCount()) break;
      any.add(q, BooleanClause.Occur.SHOULD);
    }
    return any.build();
  }

  private static void collect(Query q, String field, Set<Query> into) {
    switch (q) {
      case BooleanQuery b -> {
        for (BooleanClause c : b.clauses()) {
          if (c.occur() == BooleanClause.Occur.MUST || c.occur() == BooleanClause.Occur.SHOULD) {
            collect(c.query(), field, into);
          }
        }
      }
      case BoostQuery b -> collect(b.getQuery(), field, into);
      case ConstantScoreQuery c -> collect(c.getQuery(), field, into);
      default -> {
        Set<String> fields = new java.util.HashSet<>();
        q.visit(new QueryVisitor() {
          @Override
          public boolean acceptField(String f) {
            fields.add(f);
            return false;
          }
        });
        if (fields.size() == 1 && fields.contains(field)) into.add(q);
      }
    }
  }

  /**
   * One page's highlighter: the stored text it reads is the page's, each field (and its exact twin) sees only
   * its own clauses, and the title is marked whole while the body gives its best passage.
   */
  private static final class PageHighlighter extends UnifiedHighlighter {
    private final Map<Integer, Document> stored;
    private final String titleField;
    private final Map<String, Query> perField = new HashMap<>();
    private final Query query;
    private final Analyzer analyzer;

    PageHighlighter(IndexSearcher searcher, Analyzer analyzer, Query query, Map<Integer, Document> stored,
        String titleField) {
      super(UnifiedHighlighter.builder(searcher, analyzer)
          .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
          .withMaxLength(MAX_HIGHLIGHT_CHARS));
      this.query = query;
      this.analyzer = analyzer;
      this.stored = stored;
      this.titleField = titleField;
    }

    // A phrase or prefix matches on a field's exact twin; its offsets mark the same text. (The field itself
    // is always searched as well, so naming it here would search it twice.)
    @Override
    protected Set<String> getMaskedFields(String field) {
      return Set.of(Fields.exact(field));
    }

    @Override
    protected UHComponents getHighlightComponents(String field, Query q, Set<Term> allTerms) {
      return super.getHighlightComponents(field, own(field),
          field.endsWith(Fields.EXACT_SUFFIX) ? withoutStopWords(allTerms, field) : allTerms);
    }

    private Query own(String field) {
      return perField.computeIfAbsent(field, f -> {
        Query only = onlyField(query, f); // the plan's highlight query has no lone stop words (LoneStopWords)
        return only == null ? new MatchNoDocsQuery() : only;
      });
    }

    /** The terms looked up in a hit's postings, less the stop words of {@code exactField} (LoneStopWords). */
    private Set<Term> withoutStopWords(Set<Term> terms, String exactField) {
      Set<Term> kept = new java.util.HashSet<>();
      for (Term t : terms) {
        if (!t.field().equals(exactField) || !LoneStopWords.isStopWord(analyzer, exactField, t.text())) kept.add(t);
      }
      return kept;
    }

    // Matching the query against each hit is what marks a phrase as one span; where a field has only words
    // to find, looking each up in the hit's postings marks the same words for a fraction of the cost.
    @Override
    protected Set<HighlightFlag> getFlags(String field) {
      Set<HighlightFlag> flags = super.getFlags(field);
      if (!flags.contains(HighlightFlag.WEIGHT_MATCHES) || !wordsOnly(own(field))) return flags;
      Set<HighlightFlag> without = EnumSet.noneOf(HighlightFlag.class);
      without.addAll(flags);
      without.remove(HighlightFlag.WEIGHT_MATCHES);
      return without;
    }

    private static boolean wordsOnly(Query q) {
      if (q instanceof BooleanQuery b) return b.clauses().stream().allMatch(c -> c.query() instanceof TermQuery);
      return q instanceof TermQuery || q instanceof MatchNoDocsQuery;
    }

    // A prefix makes the highlighter re-analyze each hit's text to find the words it covers; matching the
    // query against the hit finds them in the postings, which hold the offsets already.
    @Override
    protected OffsetSource getOptimizedOffsetSource(UHComponents components) {
      OffsetSource source = super.getOptimizedOffsetSource(components);
      return source == OffsetSource.ANALYSIS && components.highlightFlags().contains(HighlightFlag.WEIGHT_MATCHES)
          && getOffsetSource(components.field()) == OffsetSource.POSTINGS ? OffsetSource.POSTINGS : source;
    }

    @Override
    protected BreakIterator getBreakIterator(String field) {
      return field.equals(titleField) ? new WholeBreakIterator()
          : LengthGoalBreakIterator.createClosestToLength(new SentenceBreaks(), SNIPPET_CHARS, 0.5f);
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
        throws IOException {
      List<CharSequence[]> out = new ArrayList<>();
      for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
        Document d = stored.get(doc);
        CharSequence[] values = new CharSequence[fields.length];
        for (int f = 0; f < fields.length; f++) {
          String v = d.get(fields[f]);
          values[f] = v == null ? "" : v.length() > getMaxLength() ? v.substring(0, getMaxLength()) : v;
        }
        out.add(values);
      }
      return out;
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
