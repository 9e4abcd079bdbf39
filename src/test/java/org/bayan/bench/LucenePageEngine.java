package org.bayan.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.FSDirectory;

/**
 * Raw Lucene building the same page as Bayan's {@code /api/search} ({@link PageEngine}) with Lucene's own
 * modules: stock analyzers, title and body per language ({@code title_ar}, {@code body_ar}, {@code title_en},
 * {@code body_en}) stored with offsets in the postings; the four facets as {@code SortedSetDocValuesFacetField}s
 * counted by {@code SortedSetDocValuesFacetCounts} over every match (in the same pass as the top ten); the
 * title marked whole and the best body passage by the {@code UnifiedHighlighter}; the shown fields read from
 * stored fields. Single-threaded indexing, as the ids-only {@link LuceneEngine}. The query: the classic
 * QueryParser's OR of the escaped words on the title and on the body of the query's script. The floor a
 * Lucene server building this page can reach.
 */
final class LucenePageEngine implements PageEngine {
  private static final FieldType TEXT = new FieldType(TextField.TYPE_STORED);
  private static final Set<String> SHOWN = Set.of("id", "agency", "published_at", "source_url", "language");
  private static final JsonFactory JSON = new JsonFactory();

  static {
    TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    TEXT.freeze();
  }

  private final Path dir;
  private final FSDirectory directory;
  private final FacetsConfig facets = new FacetsConfig();
  private final Analyzer analyzer = new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), Map.of(
      "title_ar", new ArabicAnalyzer(), "body_ar", new ArabicAnalyzer(),
      "title_en", new EnglishAnalyzer(), "body_en", new EnglishAnalyzer()));
  private IndexWriter writer;
  private DirectoryReader reader;
  private IndexSearcher searcher;
  private SortedSetDocValuesReaderState facetState;
  private UnifiedHighlighter highlighter;

  LucenePageEngine(Path dir, boolean create) throws Exception {
    this.dir = dir;
    Files.createDirectories(dir);
    directory = FSDirectory.open(dir);
    if (create) {
      writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(64));
    } else {
      open();
    }
  }

  // The index does not change while it is searched: one reader, and the facet ordinals mapped once for it.
  private void open() throws Exception {
    reader = DirectoryReader.open(directory);
    searcher = new IndexSearcher(reader);
    facetState = new DefaultSortedSetDocValuesReaderState(reader, facets);
    highlighter = new PageHighlighter(searcher, analyzer);
  }

  @Override
  public void add(BenchDoc d) throws Exception {
    String lang = "ar".equals(d.lang()) ? "ar" : "en";
    Document doc = new Document();
    doc.add(new StringField("id", d.id(), Field.Store.YES));
    doc.add(new Field("title_" + lang, d.title(), TEXT));
    doc.add(new Field("body_" + lang, d.body(), TEXT));
    doc.add(new StoredField("language", d.lang()));
    doc.add(new StoredField("published_at", d.publishedAt()));
    if (d.sourceUrl() != null) doc.add(new StoredField("source_url", d.sourceUrl()));
    if (!d.agency().isEmpty()) {
      doc.add(new StoredField("agency", d.agency()));
      doc.add(new SortedSetDocValuesFacetField("agency", d.agency()));
    }
    String type = d.type();
    if (type != null) doc.add(new SortedSetDocValuesFacetField("type", type));
    doc.add(new SortedSetDocValuesFacetField("language", d.lang()));
    String year = d.year();
    if (year != null) doc.add(new SortedSetDocValuesFacetField("year", year));
    writer.addDocument(facets.build(doc));
  }

  @Override
  public void finish() throws Exception {
    writer.commit();
    writer.close();
    writer = null;
    open();
  }

  private static String lang(String q) {
    return TextEngine.isArabic(q) ? "ar" : "en";
  }

  /** OR of the query's words on the title and on the body of its script's language; null when it has none. */
  private Query query(String q) {
    if (TextEngine.words(q).isEmpty()) return null;
    String lang = lang(q);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String field : List.of("title_" + lang, "body_" + lang)) {
      try {
        b.add(new QueryParser(field, analyzer).parse(QueryParser.escape(q)), BooleanClause.Occur.SHOULD);
      } catch (ParseException e) {
        return null;
      }
    }
    BooleanQuery built = b.build();
    return built.clauses().isEmpty() ? null : built;
  }

  @Override
  public List<String> search(String q, int n) throws Exception {
    Query query = query(q);
    if (query == null) return List.of();
    StoredFields stored = searcher.storedFields();
    List<String> ids = new ArrayList<>(n);
    for (ScoreDoc sd : searcher.search(query, n).scoreDocs) ids.add(stored.document(sd.doc, Set.of("id")).get("id"));
    return ids;
  }

  @Override
  public String page(String q) throws Exception {
    StringWriter out = new StringWriter(8192);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      Query query = query(q);
      if (query == null) {
        g.writeNumberField("total", 0);
        g.writeArrayFieldStart("hits");
        g.writeEndArray();
        g.writeEndObject();
        return out.toString();
      }
      // Top ten and every match's facet ordinals in one pass; the total is exact (facets visit every match).
      FacetsCollectorManager.FacetsResult r = FacetsCollectorManager.search(searcher, query, 10, new FacetsCollectorManager());
      TopDocs top = r.topDocs();
      String lang = lang(q);
      String title = "title_" + lang;
      String body = "body_" + lang;
      Map<String, String[]> marked = highlighter.highlightFields(new String[] {title, body}, query, top, new int[] {1, 1});
      StoredFields stored = searcher.storedFields();
      g.writeNumberField("total", Math.min(top.totalHits.value(), TRACK_TOTAL_HITS));
      g.writeArrayFieldStart("hits");
      for (int i = 0; i < top.scoreDocs.length; i++) {
        Document d = stored.document(top.scoreDocs[i].doc, SHOWN);
        g.writeStartObject();
        g.writeStringField("id", d.get("id"));
        g.writeStringField("agency", d.get("agency"));
        g.writeStringField("title", marked.get(title)[i]);
        g.writeStringField("snippet", marked.get(body)[i]);
        g.writeStringField("published_at", d.get("published_at"));
        g.writeStringField("source_url", d.get("source_url"));
        g.writeStringField("language", d.get("language"));
        g.writeNumberField("score", top.scoreDocs[i].score);
        g.writeEndObject();
      }
      g.writeEndArray();
      Facets counts = new SortedSetDocValuesFacetCounts(facetState, r.facetsCollector());
      g.writeObjectFieldStart("facets");
      for (String dim : FACETS) {
        g.writeArrayFieldStart(dim);
        FacetResult fr = facetState.getOrdRange(dim) == null ? null
            : counts.getTopChildren(dim.equals("agency") ? AGENCY_VALUES : 100, dim);
        if (fr != null) {
          for (LabelAndValue lv : fr.labelValues) {
            g.writeStartObject();
            g.writeStringField("value", lv.label);
            g.writeNumberField("count", lv.value.longValue());
            g.writeEndObject();
          }
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    return out.toString();
  }

  @Override
  public long sizeBytes() throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  @Override
  public void close() throws Exception {
    if (writer != null) writer.close();
    if (reader != null) reader.close();
    directory.close();
  }

  /**
   * Bayan's highlighting settings: the title marked whole, the body's best passage of sentences near 220
   * characters, escaped, {@code <mark>}; the JDK's sentence iterator where Bayan has its own.
   */
  private static final class PageHighlighter extends UnifiedHighlighter {
    PageHighlighter(IndexSearcher searcher, Analyzer analyzer) {
      super(UnifiedHighlighter.builder(searcher, analyzer)
          .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
          .withMaxLength(MAX_HIGHLIGHT_CHARS));
    }

    @Override
    protected BreakIterator getBreakIterator(String field) {
      return field.startsWith("title_") ? new WholeBreakIterator()
          : LengthGoalBreakIterator.createClosestToLength(BreakIterator.getSentenceInstance(Locale.ROOT), PASSAGE_CHARS, 0.5f);
    }
  }
}
