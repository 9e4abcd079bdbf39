package org.bayan.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
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
 * its normalized spelling).
 */
final class Spelling {
  private final Analyzer analyzer;
  private final DirectSpellChecker checker = new DirectSpellChecker();

  Spelling(Analyzer analyzer) {
    this.analyzer = analyzer;
    checker.setMinQueryLength(3);
  }

  /** The corrected query, or null when no word needed (or found) a correction. */
  String correct(ParsedQuery parsed, IndexReader reader) {
    List<String> words = parsed.words();
    if (words.isEmpty()) return null;
    boolean[] changed = {false};
    ParsedQuery fixed = parsed.withWords(w -> {
      String better = correctWord(w, reader);
      if (better == null) return w;
      changed[0] = true;
      return better;
    });
    return changed[0] ? fixed.toString() : null;
  }

  private String correctWord(String word, IndexReader reader) {
    if (word.codePoints().anyMatch(c -> !Character.isLetter(c) && Character.getType(c) != Character.NON_SPACING_MARK)) {
      return null; // numbers, codes and punctuation are not misspellings
    }
    try {
      SuggestWord best = null;
      for (String lang : Fields.LANGUAGES) {
        String field = Fields.exact(Fields.body(lang));
        BytesRef normalized = analyzer.normalize(field, word);
        if (normalized.length == 0) continue;
        Term t = new Term(field, normalized);
        if (reader.docFreq(t) > 0) return null; // a word the statements use is not a misspelling
        for (SuggestWord s : checker.suggestSimilar(t, 1, reader, SuggestMode.SUGGEST_MORE_POPULAR)) {
          if (best == null || s.score > best.score || (s.score == best.score && s.freq > best.freq)) best = s;
        }
      }
      return best == null ? null : best.string;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
