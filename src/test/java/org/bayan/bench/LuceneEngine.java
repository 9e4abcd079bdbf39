package org.bayan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

/**
 * Raw Lucene with stock analyzers, single-threaded indexing: one TextField per language ({@code ar} with
 * ArabicAnalyzer, {@code en} with EnglishAnalyzer), the id stored, the query escaped and parsed by the classic
 * QueryParser (OR of terms) on the field of the query's script. The floor any Lucene-based server can reach.
 */
final class LuceneEngine implements TextEngine {
  private final Path dir;
  private final FSDirectory directory;
  private final Analyzer analyzer = new PerFieldAnalyzerWrapper(new EnglishAnalyzer(),
      Map.of("ar", new ArabicAnalyzer(), "en", new EnglishAnalyzer()));
  private IndexWriter writer;
  private SearcherManager searchers;

  LuceneEngine(Path dir, boolean create) throws Exception {
    this.dir = dir;
    Files.createDirectories(dir);
    directory = FSDirectory.open(dir);
    if (create) {
      IndexWriterConfig cfg = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
          .setRAMBufferSizeMB(64);
      writer = new IndexWriter(directory, cfg);
    } else {
      searchers = new SearcherManager(DirectoryReader.open(directory), null);
    }
  }

  @Override
  public void add(BenchDoc d) throws Exception {
    Document doc = new Document();
    doc.add(new StringField("id", d.id(), Field.Store.YES));
    doc.add(new TextField("ar".equals(d.lang()) ? "ar" : "en", d.text(), Field.Store.NO));
    writer.addDocument(doc);
  }

  @Override
  public void finish() throws Exception {
    writer.commit();
    writer.close();
    writer = null;
    searchers = new SearcherManager(DirectoryReader.open(directory), null);
  }

  @Override
  public List<String> search(String q, int n) throws Exception {
    String field = TextEngine.isArabic(q) ? "ar" : "en";
    Query query;
    try {
      query = new QueryParser(field, analyzer).parse(QueryParser.escape(q));
    } catch (ParseException e) {
      return List.of();
    }
    IndexSearcher s = searchers.acquire();
    try {
      StoredFields stored = s.storedFields();
      List<String> ids = new ArrayList<>(n);
      for (ScoreDoc sd : s.search(query, n).scoreDocs) ids.add(stored.document(sd.doc).get("id"));
      return ids;
    } finally {
      searchers.release(s);
    }
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
    if (searchers != null) searchers.close();
    directory.close();
  }
}
