package org.bayan.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.bayan.index.Fields;
import org.bayan.index.LuceneIndex;
import org.bayan.statement.Agency;

/**
 * Completions as a user types, from agency names and statement titles. Matching is by whole words anywhere
 * in the name or title (infix), the last word being a prefix, after the exact fields' normalization
 * (diacritics, hamza forms, case). Most useful first: agencies before titles, the agencies with the most
 * statements first; titles that begin with the words typed before those that hold them further on, and the
 * newest first within each. Titles are looked up in the live index itself, so a statement is
 * suggested as soon as it is searchable; agency names come from the registry at each call. The lookup is
 * built here for every engine; an engine only runs it ({@link Titles}).
 */
public final class SuggestService implements Suggester {
  public static final int MAX_SIZE = 20;
  public static final int DEFAULT_SIZE = 8;
  private static final int MAX_INPUT_CHARS = 200;

  /** A statement title found by a lookup. */
  public record Title(String id, String language, String text) {}

  /**
   * Runs a title lookup: the statements matching {@code query}, newest first (the match itself is only
   * yes or no: every word typed is in the title), at most {@code n}.
   */
  public interface Titles {
    List<Title> find(Query query, int n);

    /**
     * How many statements each agency has, so that the busiest agencies are offered first (an agency left
     * out counts as 0).
     */
    default Map<String, Long> statements(List<String> agencyIds) {
      return Map.of();
    }
  }

  /** Titles fetched to pick the most useful from: the newest this many matches. */
  static final int TITLE_POOL = 60;

  private final Analyzer analyzer;
  private final Titles titles;
  private final Supplier<List<Agency>> agencies;

  /** Over the embedded index. */
  public SuggestService(LuceneIndex index, Supplier<List<Agency>> agencies) {
    this(index.analyzer(), new Titles() {
      @Override
      public List<Title> find(Query query, int n) {
        return lucene(index, query, n);
      }

      @Override
      public Map<String, Long> statements(List<String> agencyIds) {
        return SearchService.countByAgency(index, agencyIds);
      }
    }, agencies);
  }

  /** Over any engine, with the index's per-field analyzer. */
  public SuggestService(Analyzer perFieldAnalyzer, Titles titles, Supplier<List<Agency>> agencies) {
    this.analyzer = perFieldAnalyzer;
    this.titles = titles;
    this.agencies = agencies;
  }

  /** Parses the size parameter of a suggestion request. */
  public static int size(String raw) {
    if (raw == null || raw.isBlank()) return DEFAULT_SIZE;
    try {
      int n = Integer.parseInt(raw.strip());
      if (n >= 1 && n <= MAX_SIZE) return n;
    } catch (NumberFormatException e) {
      // falls through to the error naming the parameter
    }
    throw new InvalidParameterException("size", "'" + raw + "' must be a whole number from 1 to " + MAX_SIZE);
  }

  @Override
  public List<Suggestion> suggest(String typed, int size) {
    if (typed == null || typed.isBlank()) return List.of();
    String text = typed.length() > MAX_INPUT_CHARS ? typed.substring(0, MAX_INPUT_CHARS) : typed;
    boolean completing = !Character.isWhitespace(text.charAt(text.length() - 1));
    List<Suggestion> out = new ArrayList<>(agencyMatches(text, completing, size));
    if (out.size() < size) out.addAll(titleMatches(text, completing, size - out.size()));
    return out;
  }

  /** Matching agencies, those with the most statements first (the registry's order among equals). */
  private List<Suggestion> agencyMatches(String text, boolean completing, int size) {
    List<Suggestion> out = new ArrayList<>();
    for (Agency a : agencies.get()) {
      for (String[] name : List.of(new String[] {a.nameAr(), "ar"}, new String[] {a.nameEn(), "en"})) {
        if (name[0] == null || name[0].isBlank()) continue;
        String field = Fields.exact(Fields.title(name[1]));
        if (matches(tokens(field, name[0]), tokens(field, text), completing)) {
          out.add(new Suggestion(name[0], "agency", a.id(), name[1]));
          break;
        }
      }
    }
    if (out.size() > 1) {
      Map<String, Long> statements = titles.statements(out.stream().map(Suggestion::id).toList());
      out.sort(Comparator.comparingLong((Suggestion sg) -> -statements.getOrDefault(sg.id(), 0L)));
    }
    return out.size() > size ? List.copyOf(out.subList(0, size)) : out;
  }

  private static boolean matches(List<String> name, List<String> typed, boolean completing) {
    if (typed.isEmpty()) return false;
    for (int i = 0; i < typed.size(); i++) {
      String t = typed.get(i);
      boolean last = i == typed.size() - 1 && completing;
      if (name.stream().noneMatch(w -> last ? w.startsWith(t) : w.equals(t))) return false;
    }
    return true;
  }

  private List<Suggestion> titleMatches(String text, boolean completing, int size) {
    BooleanQuery.Builder anyLanguage = new BooleanQuery.Builder();
    int languages = 0;
    for (String lang : Fields.LANGUAGES) {
      String field = Fields.exact(Fields.title(lang));
      List<String> words = tokens(field, text);
      if (words.isEmpty()) continue;
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      for (int i = 0; i < words.size(); i++) {
        Term t = new Term(field, words.get(i));
        boolean last = i == words.size() - 1 && completing;
        all.add(last ? new PrefixQuery(t) : new TermQuery(t), BooleanClause.Occur.MUST);
      }
      anyLanguage.add(all.build(), BooleanClause.Occur.SHOULD);
      languages++;
    }
    if (languages == 0) return List.of();
    // Several statements share a title ("Press release"): fetch more than asked and keep distinct ones.
    // Most useful first: a title that begins with what was typed (the reader is typing its headline), then
    // the newest; never the index's internal order.
    Set<String> seen = new LinkedHashSet<>();
    List<Title> found = new ArrayList<>();
    for (Title t : titles.find(anyLanguage.build(), Math.max(TITLE_POOL, size * 4))) {
      if (t.text() != null && !t.text().isBlank() && seen.add(t.text().strip())) found.add(t);
    }
    List<Suggestion> out = new ArrayList<>();
    for (boolean beginning : new boolean[] {true, false}) {
      for (Title t : found) {
        if (out.size() >= size) return out;
        if (begins(t, text, completing) == beginning) {
          out.add(new Suggestion(t.text().strip(), "title", t.id(), t.language()));
        }
      }
    }
    return out;
  }

  /** Whether a title's first words are the words typed (the last one as a prefix while it is being typed). */
  private boolean begins(Title t, String typed, boolean completing) {
    String field = Fields.exact(Fields.title(Fields.indexLanguage(t.language())));
    List<String> title = tokens(field, t.text());
    List<String> words = tokens(field, typed);
    if (words.isEmpty() || words.size() > title.size()) return false;
    for (int i = 0; i < words.size(); i++) {
      boolean last = i == words.size() - 1 && completing;
      if (last ? !title.get(i).startsWith(words.get(i)) : !title.get(i).equals(words.get(i))) return false;
    }
    return true;
  }

  private static List<Title> lucene(LuceneIndex index, Query query, int n) {
    IndexSearcher searcher = index.acquire();
    try {
      List<Title> out = new ArrayList<>();
      Sort newest = new Sort(new SortField(Fields.PUBLISHED, SortField.Type.LONG, true), SortField.FIELD_DOC);
      for (ScoreDoc sd : searcher.search(query, n, newest).scoreDocs) {
        Document d = searcher.storedFields().document(sd.doc);
        String lang = Fields.indexLanguage(d.get(Fields.LANGUAGE));
        out.add(new Title(d.get(Fields.ID), d.get(Fields.LANGUAGE), d.get(Fields.title(lang))));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      index.release(searcher);
    }
  }

  private List<String> tokens(String field, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && out.size() < 16) out.add(term.toString());
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
