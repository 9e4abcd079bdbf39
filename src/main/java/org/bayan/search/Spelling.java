package org.bayan.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;
import org.bayan.index.Fields;
import org.bayan.search.query.ParsedQuery;

/**
 * "Did you mean": each bare word that no statement holds is replaced by the most frequent close word of the
 * index's own vocabulary (the exact fields: normalized, unstemmed, so a suggestion is a word as written, in
 * its normalized spelling). Which words need a correction and which one to offer is decided here; the
 * engine only answers {@link Vocabulary} questions, so both engines correct alike.
 */
public final class Spelling {
  /**
   * Shorter words are not corrected. Every other setting is {@link DirectSpellChecker}'s default (2 edits,
   * the first letter kept, accuracy 0.5, Lucene's Levenshtein): OpenSearch's term suggester has the same ones.
   */
  public static final int MIN_WORD_LENGTH = 3;

  /** A close word of the index and how close ({@code score}, 0–1) and common ({@code freq}) it is. */
  public record Candidate(String word, float score, int freq) {}

  /** The vocabulary of an index, as spelling correction asks about it. */
  public interface Vocabulary {
    /** For each term, how many statements hold it. */
    Map<Term, Integer> docFreqs(Collection<Term> terms);

    /** For each term (which no statement holds), its close words that statements hold, best first. */
    Map<Term, List<Candidate>> similar(Collection<Term> terms);
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
    };
  }

  /** The corrected query, or null when no word needed (or found) a correction. */
  public String correct(ParsedQuery parsed, Vocabulary vocabulary) {
    List<String> words = parsed.words();
    if (words.isEmpty()) return null;
    // Each word as each language's exact field holds it; one question to the vocabulary for all of them.
    Map<String, List<Term>> forms = new LinkedHashMap<>();
    for (String w : new LinkedHashSet<>(words)) {
      if (w.codePoints().anyMatch(c -> !Character.isLetter(c) && Character.getType(c) != Character.NON_SPACING_MARK)) {
        continue; // numbers, codes and punctuation are not misspellings
      }
      List<Term> terms = new ArrayList<>();
      for (String lang : Fields.LANGUAGES) {
        String field = Fields.exact(Fields.body(lang));
        BytesRef normalized = analyzer.normalize(field, w);
        if (normalized.length > 0) terms.add(new Term(field, BytesRef.deepCopyOf(normalized)));
      }
      if (!terms.isEmpty()) forms.put(w, terms);
    }
    if (forms.isEmpty()) return null;
    Map<Term, Integer> df = vocabulary.docFreqs(forms.values().stream().flatMap(List::stream).distinct().toList());
    // A word the statements use, in either language, is not a misspelling.
    forms.values().removeIf(terms -> terms.stream().anyMatch(t -> df.getOrDefault(t, 0) > 0));
    if (forms.isEmpty()) return null;
    Set<Term> unknown = new LinkedHashSet<>();
    forms.values().forEach(unknown::addAll);
    Map<Term, List<Candidate>> similar = vocabulary.similar(unknown);
    Map<String, String> fixes = new HashMap<>();
    for (Map.Entry<String, List<Term>> e : forms.entrySet()) {
      Candidate best = null;
      for (Term t : e.getValue()) {
        for (Candidate c : similar.getOrDefault(t, List.of())) {
          if (best == null || c.score() > best.score() || (c.score() == best.score() && c.freq() > best.freq())) best = c;
        }
      }
      if (best != null) fixes.put(e.getKey(), best.word());
    }
    if (fixes.isEmpty()) return null;
    return parsed.withWords(w -> fixes.getOrDefault(w, w)).toString();
  }
}
