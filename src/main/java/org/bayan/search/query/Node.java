package org.bayan.search.query;

import java.util.List;

/** One element of a parsed query. {@link #toString()} writes it back in the query language. */
public sealed interface Node {
  /** A bare word, analyzed like statement text (stemmed, normalized). */
  record Word(String text) implements Node {
    @Override
    public String toString() {
      return text;
    }
  }

  /** Words that must occur together, in order, as written (normalized but not stemmed). */
  record Phrase(String text) implements Node {
    @Override
    public String toString() {
      return "\"" + text + "\"";
    }
  }

  /** The start of a word ({@code وزار*}, {@code vacc*}); at least {@link QueryLanguage#MIN_PREFIX} characters. */
  record Prefix(String text) implements Node {
    @Override
    public String toString() {
      return text + "*";
    }
  }

  /** A keyword-field filter ({@code agency:spa}); {@code name} is what the user typed, {@code field} the index field. */
  record Filter(String name, String field, String value) implements Node {
    @Override
    public String toString() {
      return name + ":" + (value.chars().anyMatch(Character::isWhitespace) ? "\"" + value + "\"" : value);
    }
  }

  /** Statements matching {@code node} are left out. */
  record Not(Node node) implements Node {
    @Override
    public String toString() {
      return "-" + node;
    }
  }

  /** Any of the alternatives ({@code a OR b OR "c d"}). */
  record Or(List<Node> alternatives) implements Node {
    public Or {
      alternatives = List.copyOf(alternatives);
    }

    @Override
    public String toString() {
      return String.join(" OR ", alternatives.stream().map(Node::toString).toList());
    }
  }
}
