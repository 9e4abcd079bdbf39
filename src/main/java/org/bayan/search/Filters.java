package org.bayan.search;

import java.time.Instant;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.bayan.index.Fields;

/**
 * The filters every search path shares (keyword search, feeds, claim lookup): agencies, types, categories,
 * languages, signature statuses and publication dates.
 */
public final class Filters {
  private Filters() {}

  /** {@code scored} as the one scoring clause, restricted by every filter of a search request. */
  public static Query apply(Query scored, SearchRequest req) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(scored, BooleanClause.Occur.MUST);
    anyOf(b, Fields.AGENCY, req.agencies());
    anyOf(b, Fields.TYPE, req.types());
    anyOf(b, Fields.CATEGORY, req.categories());
    anyOf(b, Fields.LANGUAGE, req.languages());
    anyOf(b, Fields.STATUS, req.statuses());
    dates(b, req.from(), req.to());
    return b.build();
  }

  /**
   * {@code scored} as the one scoring clause, restricted by the filters given (empty lists and nulls filter
   * nothing). Several agencies or types mean any of them.
   */
  public static Query apply(
      Query scored, List<String> agencies, String language, Instant from, Instant to, List<String> types) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(scored, BooleanClause.Occur.MUST);
    anyOf(b, Fields.AGENCY, agencies);
    anyOf(b, Fields.TYPE, types);
    if (language != null) {
      b.add(new TermQuery(new Term(Fields.LANGUAGE, language)), BooleanClause.Occur.FILTER);
    }
    dates(b, from, to);
    return b.build();
  }

  private static void dates(BooleanQuery.Builder b, Instant from, Instant to) {
    if (from == null && to == null) return;
    long lo = from == null ? Long.MIN_VALUE : from.toEpochMilli();
    long hi = to == null ? Long.MAX_VALUE : to.toEpochMilli();
    b.add(LongPoint.newRangeQuery(Fields.PUBLISHED, lo, hi), BooleanClause.Occur.FILTER);
  }

  private static void anyOf(BooleanQuery.Builder b, String field, List<String> values) {
    if (values == null || values.isEmpty()) return;
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String v : values) any.add(new TermQuery(new Term(field, v)), BooleanClause.Occur.SHOULD);
    b.add(any.build(), BooleanClause.Occur.FILTER);
  }

  /** Type values as given (repeated or comma-separated), lower-cased as the index holds them. */
  public static List<String> types(List<String> raw) {
    if (raw == null) return List.of();
    return raw.stream().filter(v -> v != null && !v.isBlank())
        .flatMap(v -> java.util.Arrays.stream(v.split(",")))
        .map(v -> v.strip().toLowerCase(java.util.Locale.ROOT)).filter(v -> !v.isEmpty()).distinct().toList();
  }
}
