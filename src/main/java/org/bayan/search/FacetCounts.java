package org.bayan.search;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.bayan.index.Fields;

/**
 * Counts, over every statement matching a query (or over given hits, see {@link #over}), the values of the keyword fields (from their doc values) and
 * the publication year (UTC). Counting runs per segment on ordinals; only the ordinals seen are looked up.
 */
final class FacetCounts implements CollectorManager<FacetCounts.Counter, Map<String, Map<String, Long>>> {
  static final String YEAR = "year";
  /** Not a facet: the number of matching statements, under this key with the empty value. */
  static final String MATCHED = "_matched";

  /** Facet name → keyword field. */
  static final Map<String, String> KEYWORD_FACETS =
      Map.of("agency", Fields.AGENCY, "type", Fields.TYPE, "language", Fields.LANGUAGE);

  private static final int FIRST_YEAR = org.bayan.statement.ReleaseLimits.FIRST_YEAR;
  private static final int LAST_YEAR = org.bayan.statement.ReleaseLimits.LAST_YEAR;
  private static final long[] YEAR_STARTS = new long[LAST_YEAR - FIRST_YEAR + 2];

  static {
    for (int y = FIRST_YEAR; y <= LAST_YEAR + 1; y++) {
      YEAR_STARTS[y - FIRST_YEAR] = ZonedDateTime.of(y, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant().toEpochMilli();
    }
  }

  /** The same counts over the given hits only (e.g. the best N of a query matching most statements). */
  static Map<String, Map<String, Long>> over(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
    int[] docs = java.util.Arrays.stream(hits).mapToInt(h -> h.doc).sorted().distinct().toArray();
    FacetCounts manager = new FacetCounts();
    Counter counter = manager.newCollector();
    int i = 0;
    for (LeafReaderContext ctx : searcher.getIndexReader().leaves()) {
      int end = ctx.docBase + ctx.reader().maxDoc();
      if (i >= docs.length || docs[i] >= end) continue;
      LeafCollector leaf = counter.getLeafCollector(ctx);
      while (i < docs.length && docs[i] < end) leaf.collect(docs[i++] - ctx.docBase);
      leaf.finish();
    }
    return manager.reduce(List.of(counter));
  }

  @Override
  public Counter newCollector() {
    return new Counter();
  }

  @Override
  public Map<String, Map<String, Long>> reduce(Collection<Counter> collectors) {
    Map<String, Map<String, Long>> out = new HashMap<>();
    for (Counter c : collectors) {
      c.counts.forEach((dim, values) -> {
        Map<String, Long> into = out.computeIfAbsent(dim, k -> new HashMap<>());
        values.forEach((v, n) -> into.merge(v, n, Long::sum));
      });
    }
    return out;
  }

  static int year(long epochMillis) {
    int i = java.util.Arrays.binarySearch(YEAR_STARTS, epochMillis);
    int idx = i >= 0 ? i : -i - 2;
    if (idx < 0 || idx >= YEAR_STARTS.length - 1) {
      return java.time.Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).getYear();
    }
    return FIRST_YEAR + idx;
  }

  static final class Counter implements Collector {
    final Map<String, Map<String, Long>> counts = new HashMap<>();

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext ctx) throws IOException {
      List<String> names = List.copyOf(KEYWORD_FACETS.keySet());
      SortedSetDocValues[] dvs = new SortedSetDocValues[names.size()];
      int[][] ords = new int[names.size()][];
      for (int i = 0; i < dvs.length; i++) {
        dvs[i] = DocValues.getSortedSet(ctx.reader(), KEYWORD_FACETS.get(names.get(i)));
        ords[i] = new int[(int) Math.min(Integer.MAX_VALUE - 8, dvs[i].getValueCount())];
      }
      NumericDocValues published = DocValues.getNumeric(ctx.reader(), Fields.PUBLISHED);
      long[] years = new long[LAST_YEAR - FIRST_YEAR + 1];
      counts.computeIfAbsent(MATCHED, k -> new HashMap<>()).putIfAbsent("", 0L);
      Map<Integer, Long> otherYears = new HashMap<>();
      return new LeafCollector() {
        long matched;

        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          matched++;
          for (int i = 0; i < dvs.length; i++) {
            if (dvs[i].advanceExact(doc)) {
              for (int k = 0, n = dvs[i].docValueCount(); k < n; k++) ords[i][(int) dvs[i].nextOrd()]++;
            }
          }
          if (published.advanceExact(doc)) {
            int y = year(published.longValue());
            if (y >= FIRST_YEAR && y <= LAST_YEAR) years[y - FIRST_YEAR]++;
            else otherYears.merge(y, 1L, Long::sum);
          }
        }

        @Override
        public void finish() throws IOException {
          for (int i = 0; i < dvs.length; i++) {
            Map<String, Long> into = counts.computeIfAbsent(names.get(i), k -> new HashMap<>());
            for (int o = 0; o < ords[i].length; o++) {
              if (ords[i][o] > 0) into.merge(dvs[i].lookupOrd(o).utf8ToString(), (long) ords[i][o], Long::sum);
            }
          }
          counts.get(MATCHED).merge("", matched, Long::sum);
          Map<String, Long> y = counts.computeIfAbsent(YEAR, k -> new HashMap<>());
          for (int k = 0; k < years.length; k++) {
            if (years[k] > 0) y.merge(Integer.toString(FIRST_YEAR + k), years[k], Long::sum);
          }
          otherYears.forEach((year, n) -> y.merge(Integer.toString(year), n, Long::sum));
        }
      };
    }
  }
}
