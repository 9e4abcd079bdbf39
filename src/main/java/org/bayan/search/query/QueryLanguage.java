package org.bayan.search.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bayan.index.Fields;

/**
 * Reads the search box's query language. It has no syntax errors: whatever cannot be read as an operator is
 * read as text, as literally as possible.
 *
 * <ul>
 *   <li>{@code words} — statements with any of the words match; those with all of them rank first;
 *   <li>{@code "exact phrase"} — the words together, in order (an unclosed quote is ignored);
 *   <li>{@code -word}, {@code -"phrase"}, {@code -agency:x} — leave out what matches (a lone {@code -} is text);
 *   <li>{@code a OR b} — either (an {@code OR} with nothing on one side is ignored);
 *   <li>{@code prefix*} — words starting with at least {@value #MIN_PREFIX} characters;
 *   <li>{@code name:value}, {@code name:"two words"} — a filter, for each name in {@link Fields#FILTERABLE};
 *       any other {@code a:b} is text.
 * </ul>
 */
public final class QueryLanguage {
  public static final int MIN_PREFIX = 2;
  private static final String OR = "OR";

  private final Map<String, String> filterable;

  public QueryLanguage() {
    this(Fields.FILTERABLE);
  }

  /** @param filterable filter names users type → index field */
  public QueryLanguage(Map<String, String> filterable) {
    this.filterable = Map.copyOf(filterable);
  }

  public ParsedQuery parse(String input) {
    List<Token> tokens = lex(input == null ? "" : input);
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isOr()) {
        Node next = i + 1 < tokens.size() && !tokens.get(i + 1).isOr() ? node(tokens.get(i + 1)) : null;
        Node prev = out.isEmpty() ? null : out.getLast();
        if (next != null && prev != null && !(prev instanceof Node.Not) && !(next instanceof Node.Not)) {
          List<Node> alts = new ArrayList<>(prev instanceof Node.Or o ? o.alternatives() : List.of(prev));
          alts.add(next);
          out.set(out.size() - 1, new Node.Or(alts));
          i++;
        }
        // An OR with nothing usable on one side is a stray operator: dropped.
        continue;
      }
      Node n = node(t);
      if (n != null) out.add(n);
    }
    return new ParsedQuery(out);
  }

  private Node node(Token t) {
    Node n = t.quoted() ? phraseOrNull(t.text()) : bare(t.text());
    if (n == null) return null;
    if (t.field() != null) n = new Node.Filter(t.fieldName(), t.field(), t.text().strip());
    return t.negated() ? new Node.Not(n) : n;
  }

  private static Node phraseOrNull(String text) {
    String s = text.strip().replaceAll("\\s+", " ");
    return s.isEmpty() ? null : new Node.Phrase(s);
  }

  private Node bare(String text) {
    int colon = text.indexOf(':');
    if (colon > 0 && colon < text.length() - 1) {
      String name = text.substring(0, colon).toLowerCase(Locale.ROOT);
      String field = filterable.get(name);
      if (field != null) return new Node.Filter(name, field, text.substring(colon + 1));
    }
    if (text.endsWith("*")) {
      String stem = text.replaceAll("\\*+$", "");
      long letters = stem.codePoints().filter(Character::isLetterOrDigit).count();
      if (letters >= MIN_PREFIX && stem.codePoints().allMatch(QueryLanguage::wordChar)) {
        return new Node.Prefix(stem);
      }
      // Too short (or not a word) to expand: searched as the text it is.
      return stem.isEmpty() ? null : new Node.Word(stem);
    }
    return new Node.Word(text);
  }

  private static boolean wordChar(int cp) {
    return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
  }

  /** Splits into bare and quoted tokens, each maybe negated, and notes {@code name:"quoted value"} filters. */
  private List<Token> lex(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      boolean negated = false;
      if (c == '-' && i + 1 < n && !Character.isWhitespace(s.charAt(i + 1))) {
        negated = true;
        i++;
        c = s.charAt(i);
      }
      if (c == '"') {
        int close = s.indexOf('"', i + 1);
        if (close < 0) {
          i++; // an unclosed quote is dropped; what follows is read as bare words
          continue;
        }
        out.add(new Token(s.substring(i + 1, close), true, negated, null, null));
        i = close + 1;
        continue;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '"') i++;
      String bare = s.substring(start, i);
      // name:"two words" — a filter whose value is quoted.
      if (bare.endsWith(":") && i < n && s.charAt(i) == '"') {
        String name = bare.substring(0, bare.length() - 1).toLowerCase(Locale.ROOT);
        int close = s.indexOf('"', i + 1);
        String field = filterable.get(name);
        if (field != null && close > i + 1 && !s.substring(i + 1, close).isBlank()) {
          out.add(new Token(s.substring(i + 1, close), true, negated, name, field));
          i = close + 1;
          continue;
        }
      }
      out.add(new Token(bare, false, negated, null, null));
    }
    return out;
  }

  private record Token(String text, boolean quoted, boolean negated, String fieldName, String field) {
    boolean isOr() {
      return !quoted && !negated && text.equals(OR);
    }
  }
}
