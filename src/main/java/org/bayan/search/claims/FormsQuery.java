package org.bayan.search.claims;

import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;

/**
 * One claim word in any of its forms (the first its own, the others weighing {@code variantWeight}) in one
 * field. Lucene runs it as the {@link SynonymQuery} it rewrites to; it exists so that another engine's
 * translation can read the forms and their weights, which a built SynonymQuery keeps to itself.
 */
public final class FormsQuery extends Query {
  private final String field;
  private final List<String> forms;
  private final float variantWeight;

  FormsQuery(String field, List<String> forms, float variantWeight) {
    if (forms.isEmpty()) throw new IllegalArgumentException("no forms");
    this.field = field;
    this.forms = List.copyOf(forms);
    this.variantWeight = variantWeight;
  }

  public String field() {
    return field;
  }

  /** The word's own form first, then its variants. */
  public List<String> forms() {
    return forms;
  }

  /** How much a variant counts against the word's own form (0: variants are not searched). */
  public float variantWeight() {
    return variantWeight;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) {
    SynonymQuery.Builder b = new SynonymQuery.Builder(field);
    b.addTerm(new Term(field, forms.getFirst()));
    if (variantWeight > 0) {
      for (String f : forms.subList(1, forms.size())) b.addTerm(new Term(field, f), variantWeight);
    }
    return b.build();
  }

  @Override
  public void visit(QueryVisitor visitor) {
    if (!visitor.acceptField(field)) return;
    List<String> searched = variantWeight > 0 ? forms : forms.subList(0, 1);
    visitor.getSubVisitor(BooleanClause.Occur.SHOULD, this)
        .consumeTerms(this, searched.stream().map(f -> new Term(field, f)).toArray(Term[]::new));
  }

  @Override
  public String toString(String defaultField) {
    return "Forms(" + (field.equals(defaultField) ? "" : field + ":") + String.join("|", forms) + "^" + variantWeight + ")";
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && field.equals(((FormsQuery) o).field) && forms.equals(((FormsQuery) o).forms)
        && variantWeight == ((FormsQuery) o).variantWeight;
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), field, forms, variantWeight);
  }
}
