package org.bayan.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.util.Bits;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.index.dedup.DuplicateGroups;
import org.bayan.index.dedup.Fingerprints;
import org.bayan.statement.StatementVersion;

/**
 * The Lucene index of the latest version of every statement. It is derived data: each commit records the
 * release-store offset it covers ({@value #STORE_OFFSET}), so after a crash the index is reopened at its last
 * commit, which Lucene guarantees is intact, and the store is replayed from that offset.
 */
public final class LuceneIndex implements DerivedIndex, Closeable {
  public static final String STORE_OFFSET = "bayan.store_offset";
  private static final Similarities SIMILARITY = new Similarities();

  private final Directory dir;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Analyzer analyzer;
  private final DuplicateGroups duplicates = new DuplicateGroups();
  private volatile long appliedOffset;

  private LuceneIndex(Directory dir, IndexWriter writer, Analyzer analyzer) throws IOException {
    this.dir = dir;
    this.writer = writer;
    this.analyzer = analyzer;
    this.searchers = new SearcherManager(writer, true, false, new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader,
          org.apache.lucene.index.IndexReader previous) {
        IndexSearcher s = new IndexSearcher(reader);
        s.setSimilarity(SIMILARITY);
        return s;
      }
    });
    this.appliedOffset = committedOffset();
    loadDuplicateGroups();
  }

  // The duplicate table is memory only: rebuilt from the doc values of the last commit, which is exactly
  // what the store is replayed onto.
  private void loadDuplicateGroups() throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
        LeafReader r = leaf.reader();
        NumericDocValues exact = r.getNumericDocValues(Fields.BODY_FINGERPRINT);
        BinaryDocValues sig = r.getBinaryDocValues(Fields.MINHASH);
        SortedDocValues group = r.getSortedDocValues(Fields.DUP_GROUP);
        if (exact == null || sig == null || group == null) continue; // made before duplicate detection
        Bits live = r.getLiveDocs();
        for (int doc = 0; doc < r.maxDoc(); doc++) {
          if (live != null && !live.get(doc)) continue;
          if (!exact.advanceExact(doc) || !sig.advanceExact(doc) || !group.advanceExact(doc)) continue;
          long g = Long.parseUnsignedLong(group.lookupOrd(group.ordValue()).utf8ToString(), 16);
          duplicates.remember(
              new Fingerprints.Fingerprint(exact.longValue(), StatementDocuments.minhash(sig.binaryValue())), g);
        }
      }
    } finally {
      searchers.release(s);
    }
  }

  /**
   * Opens or creates the index at {@code path}. Throws Lucene's {@code LockObtainFailedException} when
   * another process (a running server) already writes it.
   */
  public static LuceneIndex open(Path path, AnalyzerRegistry analyzers) throws IOException {
    Analyzer analyzer = analyzer(analyzers);
    Directory dir = FSDirectory.open(path);
    try {
      IndexWriterConfig cfg = new IndexWriterConfig(analyzer).setSimilarity(SIMILARITY)
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setRAMBufferSizeMB(128)
          .setCommitOnClose(false)
          // Lets a backup copy a commit's files while the writer goes on merging and committing.
          .setIndexDeletionPolicy(new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy()));
      return new LuceneIndex(dir, new IndexWriter(dir, cfg), analyzer);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /**
   * A throw-away index held in memory, for measuring retrieval quality: same analyzers, same documents, same
   * queries as the on-disk index, nothing written.
   */
  public static LuceneIndex inMemory(AnalyzerRegistry analyzers) throws IOException {
    Analyzer analyzer = analyzer(analyzers);
    Directory dir = new ByteBuffersDirectory();
    IndexWriterConfig cfg = new IndexWriterConfig(analyzer).setSimilarity(SIMILARITY).setRAMBufferSizeMB(128).setCommitOnClose(false);
    return new LuceneIndex(dir, new IndexWriter(dir, cfg), analyzer);
  }

  /** The analyzer of every text field, chosen by field name ({@link Fields#analyzerOf}). */
  public static Analyzer analyzer(AnalyzerRegistry analyzers) {
    Map<String, Analyzer> perField = new HashMap<>();
    for (String lang : Fields.LANGUAGES) {
      Analyzer a = analyzers.get(Fields.ANALYZER_BY_LANGUAGE.get(lang));
      Analyzer exact = analyzers.get(Fields.EXACT_ANALYZER_BY_LANGUAGE.get(lang));
      String gramsName = Fields.GRAMS_ANALYZER_BY_LANGUAGE.get(lang);
      Analyzer grams = gramsName == null ? null : analyzers.get(gramsName);
      for (String f : List.of(Fields.title(lang), Fields.body(lang))) {
        perField.put(f, a);
        perField.put(Fields.exact(f), exact);
        if (grams != null) perField.put(Fields.grams(f), grams);
      }
    }
    return new PerFieldAnalyzerWrapper(analyzers.get("english"), perField);
  }

  /**
   * Indexes each version as the current state of its statement (replacing any earlier version), in its
   * duplicate group.
   */
  @Override
  public synchronized void apply(Collection<StatementVersion> versions) {
    try {
      for (StatementVersion v : versions) {
        Fingerprints.Deduplicated body = Fingerprints.removeRepeatedBlocks(v.release().body());
        Fingerprints.Fingerprint fp = Fingerprints.of(body.text());
        long group = duplicates.assign(fp);
        writer.updateDocument(new Term(Fields.ID, v.id()), StatementDocuments.toDocument(v, body.text(), fp, group));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the index", e);
    }
  }

  /**
   * Pins the last commit: its files stay on disk, whatever the writer does, until {@link #releaseSnapshot}.
   * Its user data holds {@link #STORE_OFFSET}, the store offset it covers.
   */
  public IndexCommit snapshot() throws IOException {
    if (!(writer.getConfig().getIndexDeletionPolicy() instanceof SnapshotDeletionPolicy p)) {
      throw new IllegalStateException("this index was not opened for snapshots");
    }
    return p.snapshot();
  }

  public void releaseSnapshot(IndexCommit commit) throws IOException {
    ((SnapshotDeletionPolicy) writer.getConfig().getIndexDeletionPolicy()).release(commit);
    writer.deleteUnusedFiles();
  }

  /** Records that the index now reflects the store up to {@code storeOffset}; durable once it returns. */
  @Override
  public synchronized void commit(long storeOffset) {
    try {
      writer.setLiveCommitData(Map.of(STORE_OFFSET, Long.toString(storeOffset)).entrySet());
      writer.commit();
      appliedOffset = storeOffset;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit the index", e);
    }
  }

  /** The store offset covered by the last commit (0 for a new index). */
  @Override
  public long committedOffset() {
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    if (data != null) {
      for (Map.Entry<String, String> e : data) {
        if (e.getKey().equals(STORE_OFFSET)) return Long.parseLong(e.getValue());
      }
    }
    return 0;
  }

  /** The store offset applied in memory (maybe not yet committed). */
  @Override
  public long appliedOffset() {
    return appliedOffset;
  }

  @Override
  public void setAppliedOffset(long offset) {
    appliedOffset = offset;
  }

  /** Makes changes applied so far visible to new searches. */
  @Override
  public void refresh() {
    try {
      searchers.maybeRefresh();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot refresh the index searcher", e);
    }
  }

  public IndexSearcher acquire() {
    try {
      return searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Analyzer analyzer() {
    return analyzer;
  }

  /** Deletes every document (for a rebuild from the store); takes effect at the next commit. */
  @Override
  public void deleteAll() {
    try {
      writer.deleteAll();
      duplicates.clear();
      appliedOffset = 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Directory directory() {
    return dir;
  }

  @Override
  public void close() throws IOException {
    try {
      searchers.close();
      writer.rollback(); // uncommitted changes are replayed from the store next time
    } finally {
      dir.close();
    }
  }
}
