package org.bayan.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;
import org.bayan.index.Fields;
import org.bayan.search.query.ParsedQuery;

/**
 * "Did you mean": each bare word that no statement holds (in a title or a body) is replaced by the most
 * frequent close word of the index's own vocabulary (the exact fields: normalized, unstemmed). The
 * vocabulary holds words in their normalized spelling ({@code مءتمر}, {@code الحكومه}), which no reader
 * writes, so the word offered is the spelling statements use most for it ({@code مؤتمر}, {@code الحكومة}),
 * read from the stored text of a few statements that hold it. Which words need a correction and which one to
 * offer is decided here; the engine only answers {@link Vocabulary} questions, so both engines correct alike.
 */
public final class Spelling {
  /**
   * Shorter words are not corrected. Every other setting is {@link DirectSpellChecker}'s default (2 edits,
   * the first letter kept, accuracy 0.5, Lucene's Levenshtein): OpenSearch's term suggester has the same ones.
   */
  public static final int MIN_WORD_LENGTH = 3;

  /** How many statements holding a suggested word are read to find its most used spelling. */
  static final int SPELLING_SAMPLE = 20;

  /** A close word of the index and how close ({@code score}, 0–1) and common ({@code freq}) it is. */
  public record Candidate(String word, float score, int freq) {}

  /** The vocabulary of an index, as spelling correction asks about it. */
  public interface Vocabulary {
    /** For each term, how many statements hold it. */
    Map<Term, Integer> docFreqs(Collection<Term> terms);

    /** For each term (which no statement holds), its close words that statements hold, best first. */
    Map<Term, List<Candidate>> similar(Collection<Term> terms);

    /**
     * The stored text of the field an exact-field term comes from ({@code body.ar.exact} → {@code body.ar}),
     * in at most {@code n} statements that hold the term.
     */
    List<String> texts(Term term, int n);
  }

  private final Analyzer analyzer;

  public Spelling(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** The vocabulary of one Lucene index. */
  public static Vocabulary vocabulary(IndexReader reader) {
    DocFrequencies stats = DocFrequencies.of(reader);
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMinQueryLength(MIN_WORD_LENGTH);
    return new Vocabulary() {
      @Override
      public Map<Term, Integer> docFreqs(Collection<Term> terms) {
        return stats.docFreqs(terms);
      }

      @Override
      public Map<Term, List<Candidate>> similar(Collection<Term> terms) {
        Map<Term, List<Candidate>> out = new LinkedHashMap<>();
        try {
          for (Term t : terms) {
            List<Candidate> c = new ArrayList<>();
            for (SuggestWord s : checker.suggestSimilar(t, 1, reader, SuggestMode.SUGGEST_MORE_POPULAR)) {
              c.add(new Candidate(s.string, s.score, s.freq));
            }
            out.put(t, c);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return out;
      }

      @Override
      public List<String> texts(Term term, int n) {
        String stored = term.field().substring(0, term.field().length() - Fields.EXACT_SUFFIX.length());
        IndexSearcher searcher = new IndexSearcher(reader);
        List<String> out = new ArrayList<>();
        try {
          StoredFields fields = searcher.storedFields();
          for (ScoreDoc sd : searcher.search(new TermQuery(term), n).scoreDocs) {
            String text = fields.document(sd.doc, Set.of(stored)).get(stored);
            if (text != null) out.add(text);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return out;
      }
    };
  }

  /** The corrected query, or null when no word needed (or found) a correction. */
  public String correct(ParsedQuery parsed, Vocabulary vocabulary) {
    List<String> words = parsed.words();
    if (words.isEmpty()) return null;
    // Each word as each language's exact field holds it; one question to the vocabulary for all of them.
    Map<String, List<Term>> forms = new LinkedHashMap<>();
    Map<String, List<Term>> titleForms = new HashMap<>();
    for (String w : new LinkedHashSet<>(words)) {
      if (w.codePoints().anyMatch(c -> !Character.isLetter(c) && Character.getType(c) != Character.NON_SPACING_MARK)) {
        continue; // numbers, codes and punctuation are not misspellings
      }
      List<Term> terms = new ArrayList<>();
      List<Term> titles = new ArrayList<>();
      for (String lang : Fields.LANGUAGES) {
        String field = Fields.exact(Fields.body(lang));
        BytesRef normalized = analyzer.normalize(field, w);
        if (normalized.length > 0) terms.add(new Term(field, BytesRef.deepCopyOf(normalized)));
        String title = Fields.exact(Fields.title(lang));
        BytesRef inTitle = analyzer.normalize(title, w);
        if (inTitle.length > 0) titles.add(new Term(title, BytesRef.deepCopyOf(inTitle)));
      }
      if (!terms.isEmpty()) {
        forms.put(w, terms);
        titleForms.put(w, titles);
      }
    }
    if (forms.isEmpty()) return null;
    Map<Term, Integer> df = vocabulary.docFreqs(Stream.concat(forms.values().stream(), titleForms.values().stream())
        .flatMap(List::stream).distinct().toList());
    // A word the statements use, in either language, in a title or a body, is not a misspelling: a query
    // that finds it only in a title still finds what its writer meant.
    forms.entrySet().removeIf(e -> Stream.concat(e.getValue().stream(), titleForms.get(e.getKey()).stream())
        .anyMatch(t -> df.getOrDefault(t, 0) > 0));
    if (forms.isEmpty()) return null;
    Set<Term> unknown = new LinkedHashSet<>();
    forms.values().forEach(unknown::addAll);
    Map<Term, List<Candidate>> similar = vocabulary.similar(unknown);
    Map<String, String> fixes = new HashMap<>();
    for (Map.Entry<String, List<Term>> e : forms.entrySet()) {
      Candidate best = null;
      String bestField = null;
      for (Term t : e.getValue()) {
        for (Candidate c : similar.getOrDefault(t, List.of())) {
          if (best == null || c.score() > best.score() || (c.score() == best.score() && c.freq() > best.freq())) {
            best = c;
            bestField = t.field();
          }
        }
      }
      if (best == null) continue;
      String written = surfaceForm(e.getKey(), bestField, best.word(), vocabulary.texts(new Term(bestField, best.word()), SPELLING_SAMPLE));
      if (written != null) fixes.put(e.getKey(), written);
    }
    if (fixes.isEmpty()) return null;
    return parsed.withWords(w -> fixes.getOrDefault(w, w)).toString();
  }

  private static boolean lowerCase(String word) {
    return word.equals(word.toLowerCase(Locale.ROOT));
  }

  /**
   * The spelling of {@code normalized} that {@code texts} use most: each text is read with the exact
   * field's analyzer, and the words that normalize to it are cut from the text by their offsets. A spelling
   * in the case the reader typed in (lower case, or not) comes first ("vaccination" for "vacination", though
   * sentences start with "Vaccination"); ties go to the shorter spelling (fewer diacritics), then the first in
   * code point order. Null when no text holds it.
   */
  String surfaceForm(String typed, String exactField, String normalized, List<String> texts) {
    Map<String, Integer> counts = new HashMap<>();
    for (String text : texts) {
      try (TokenStream ts = analyzer.tokenStream(exactField, text)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        OffsetAttribute offsets = ts.addAttribute(OffsetAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          if (!term.toString().equals(normalized)) continue;
          int start = offsets.startOffset(), end = offsets.endOffset();
          if (start >= 0 && end <= text.length() && start < end) counts.merge(text.substring(start, end), 1, Integer::sum);
        }
        ts.end();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return counts.entrySet().stream()
        .min(Comparator.comparing((Map.Entry<String, Integer> e) -> lowerCase(e.getKey()) != lowerCase(typed))
            .thenComparing(e -> -e.getValue())
            .thenComparingInt(e -> e.getKey().length()).thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey).orElse(null);
  }
}
