package org.bayan.search.query;

import java.util.List;
import java.util.function.UnaryOperator;

/** What a user typed, as a list of clauses that all apply. {@link #toString()} writes it back. */
public record ParsedQuery(List<Node> clauses) {
  public ParsedQuery {
    clauses = List.copyOf(clauses);
  }

  public boolean isEmpty() {
    return clauses.isEmpty();
  }

  /** The bare words (outside OR groups and exclusions), in order: what spelling correction looks at. */
  public List<String> words() {
    return clauses.stream().filter(n -> n instanceof Node.Word).map(n -> ((Node.Word) n).text()).toList();
  }

  /** The same query with each bare word replaced by {@code fix.apply(word)}. */
  public ParsedQuery withWords(UnaryOperator<String> fix) {
    return new ParsedQuery(clauses.stream()
        .map(n -> n instanceof Node.Word w ? (Node) new Node.Word(fix.apply(w.text())) : n).toList());
  }

  @Override
  public String toString() {
    return String.join(" ", clauses.stream().map(Node::toString).toList());
  }
}
