package org.bayan.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
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
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.bayan.statement.Release;

/**
 * The baseline of the evaluation guide, what a stock Lucene user gets: one {@code TextField} per document,
 * {@code ArabicAnalyzer} (or {@code EnglishAnalyzer} for an English set), the escaped query text parsed by the
 * classic {@code QueryParser} (OR of terms), BM25 with its defaults. Nothing of Bayan's analysis is used.
 */
public final class StockRetriever implements Retriever {
  private static final String ID = "id";
  private static final String TEXT = "contents";

  private final Directory dir = new ByteBuffersDirectory();
  private final Analyzer analyzer;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  public StockRetriever(List<Release> docs) {
    analyzer = "ar".equals(Corpus.majorityLanguage(docs)) ? new ArabicAnalyzer() : new EnglishAnalyzer();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
      for (Release r : docs) {
        Document d = new Document();
        d.add(new StringField(ID, r.id(), Field.Store.YES));
        String text = r.title().isEmpty() ? r.body() : r.title() + "\n" + r.body();
        d.add(new TextField(TEXT, text, Field.Store.NO));
        w.addDocument(d);
      }
      w.commit();
      reader = DirectoryReader.open(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    searcher = new IndexSearcher(reader);
  }

  @Override
  public List<String> rank(String query, int n) {
    Query q;
    try {
      q = new QueryParser(TEXT, analyzer).parse(QueryParser.escape(query));
    } catch (ParseException e) {
      return List.of(); // e.g. nothing but stop words: the baseline finds nothing
    }
    try {
      StoredFields stored = searcher.storedFields();
      List<String> ids = new ArrayList<>(n);
      for (ScoreDoc sd : searcher.search(q, n).scoreDocs) ids.add(stored.document(sd.doc).get(ID));
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
      dir.close();
      analyzer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
