package org.bayan.search.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bayan.search.Snippets;
import org.bayan.search.claims.ClaimQueries.Token;

/**
 * Picks the sentences of a statement that best match a claim and marks the claim's words in them. A
 * sentence scores the weights of the distinct claim terms it holds, plus a fifth of that for each pair of
 * matches next to each other (the same proximity the ranking rewards). Up to {@value #MAX} sentences are
 * kept, those scoring at least half the best one. Offsets come from the analyzer, so a mark covers exactly
 * the word as the statement writes it, diacritics and all.
 */
final class EvidenceFinder {
  static final int MAX = 3;

  private final ClaimQueries analysis;

  EvidenceFinder(ClaimQueries analysis) {
    this.analysis = analysis;
  }

  List<Evidence> find(String field, String body, Map<String, Float> forms) {
    if (body == null || forms == null || forms.isEmpty()) return List.of();
    List<Evidence> scored = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (SentenceSplitter.Span s : SentenceSplitter.split(body)) {
      String sentence = s.of(body);
      if (!seen.add(sentence)) continue; // a block pasted twice: its first copy is the evidence
      List<Token> matches = analysis.analyze(field, sentence).stream()
          .filter(t -> forms.containsKey(t.term())).toList();
      if (matches.isEmpty()) continue;
      Set<String> distinct = new LinkedHashSet<>();
      double score = 0;
      for (Token t : matches) if (distinct.add(t.term())) score += forms.get(t.term());
      int adjacent = 0;
      for (int i = 1; i < matches.size(); i++) {
        if (matches.get(i).position() - matches.get(i - 1).position() <= 2) adjacent++;
      }
      score *= 1 + 0.2 * adjacent;
      List<String> words = new ArrayList<>(new LinkedHashSet<>(
          matches.stream().map(t -> sentence.substring(t.start(), t.end())).toList()));
      scored.add(new Evidence(mark(sentence, matches), s.start(), s.end(), words, Math.round(score * 1000) / 1000.0));
    }
    if (scored.isEmpty()) return List.of();
    scored.sort(Comparator.comparingDouble((Evidence e) -> -e.score()).thenComparingInt(Evidence::start));
    double best = scored.getFirst().score();
    return scored.stream().filter(e -> e.score() >= best / 2).limit(MAX).toList();
  }

  /** The text escaped, with the claim's words marked; everything outside the marks is escaped text. */
  String markAll(String field, String text, Map<String, Float> forms) {
    if (text == null || text.isEmpty()) return "";
    if (forms == null || forms.isEmpty()) return Snippets.escape(text);
    return mark(text, analysis.analyze(field, text).stream().filter(t -> forms.containsKey(t.term())).toList());
  }

  private static String mark(String text, List<Token> matches) {
    StringBuilder out = new StringBuilder(text.length() + matches.size() * 13);
    int at = 0;
    for (Token t : matches) {
      if (t.start() < at) continue; // overlapping tokens (none in the current chains): keep the first
      out.append(Snippets.escape(text.substring(at, t.start())));
      out.append("<mark>").append(Snippets.escape(text.substring(t.start(), t.end()))).append("</mark>");
      at = t.end();
    }
    out.append(Snippets.escape(text.substring(at)));
    return out.toString();
  }
}
