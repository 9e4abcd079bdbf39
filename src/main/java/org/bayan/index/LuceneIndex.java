package org.bayan.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
  /** Versions handed to a preparing thread at a time. */
  private static final int PREPARE_CHUNK = 32;
  /**
   * The threads that analyze documents for the writer: one per core, daemons, so an index never closed (a
   * test's, a failed command's) does not keep the JVM alive.
   */
  private final ExecutorService preparers;
  /** Chunks prepared ahead of the writer: enough to keep every core busy, few enough to bound the tokens held. */
  private final int prepareAhead;
  private static final double RAM_BUFFER_MB = 128;
  /** Buffered documents written to a segment aside ({@link #flushAside}) past this size: half the buffer. */
  private static final long FLUSH_ASIDE_BYTES = (long) (RAM_BUFFER_MB * 1024 * 1024 / 2);
  private final ExecutorService flusher =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().name("bayan-index-flush").daemon(true).factory());
  private Future<?> flushing = java.util.concurrent.CompletableFuture.completedFuture(null);

  private LuceneIndex(Directory dir, IndexWriter writer, Analyzer analyzer) throws IOException {
    this.dir = dir;
    this.writer = writer;
    this.analyzer = analyzer;
    int cores = Runtime.getRuntime().availableProcessors();
    this.prepareAhead = 2 * cores;
    this.preparers = Executors.newFixedThreadPool(cores, Thread.ofPlatform().name("bayan-index-prepare-", 1)
        .daemon(true).factory());
    // Read-only: searchers over the last commit, with no writer and so no write lock; a running server may
    // hold that lock and go on writing.
    this.searchers = writer == null ? new SearcherManager(dir, searcherFactory())
        : new SearcherManager(writer, true, false, searcherFactory());
    this.appliedOffset = committedOffset();
    loadDuplicateGroups();
  }

  private static SearcherFactory searcherFactory() {
    return new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader,
          org.apache.lucene.index.IndexReader previous) {
        IndexSearcher s = new IndexSearcher(reader);
        s.setSimilarity(SIMILARITY);
        return s;
      }
    };
  }

  /**
   * Opens the last commit of the index at {@code path} for searching only: takes no lock, so it works while
   * another process (a server) writes the index, and sees what that process had committed when it opened.
   * Throws {@code IndexNotFoundException} when there is no index there.
   */
  public static LuceneIndex openReadOnly(Path path, AnalyzerRegistry analyzers) throws IOException {
    Analyzer analyzer = analyzer(analyzers);
    Directory dir = FSDirectory.open(path);
    try {
      return new LuceneIndex(dir, null, analyzer);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  public boolean readOnly() {
    return writer == null;
  }

  private IndexWriter writer() {
    if (writer == null) throw new IllegalStateException("this index was opened read-only");
    return writer;
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
          .setRAMBufferSizeMB(RAM_BUFFER_MB)
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
    IndexWriterConfig cfg = new IndexWriterConfig(analyzer).setSimilarity(SIMILARITY).setRAMBufferSizeMB(RAM_BUFFER_MB)
        .setCommitOnClose(false);
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
   *
   * <p>Versions are analyzed, fingerprinted and classified on every core ({@link StatementDocuments#prepare}), a
   * few chunks ahead of the writer, while this thread assigns duplicate groups and adds the documents one by
   * one in the order given. Adding in that order keeps document ids, and so the order of equally scored hits,
   * the same from run to run; a writer fed from several threads numbers documents as its threads happen to
   * flush.
   */
  @Override
  public synchronized void apply(Collection<StatementVersion> versions) {
    List<StatementVersion> all = List.copyOf(versions);
    ArrayDeque<Future<List<StatementDocuments.Prepared>>> inFlight = new ArrayDeque<>();
    try {
      if (all.size() < 2 * PREPARE_CHUNK) {
        for (StatementVersion v : all) write(StatementDocuments.prepare(v, analyzer));
        return;
      }
      int next = 0;
      while (next < all.size() || !inFlight.isEmpty()) {
        while (next < all.size() && inFlight.size() < prepareAhead) {
          List<StatementVersion> chunk = all.subList(next, Math.min(all.size(), next + PREPARE_CHUNK));
          inFlight.add(preparers.submit(() -> {
            List<StatementDocuments.Prepared> out = new ArrayList<>(chunk.size());
            for (StatementVersion v : chunk) out.add(StatementDocuments.prepare(v, analyzer));
            return out;
          }));
          next += chunk.size();
        }
        for (StatementDocuments.Prepared p : await(inFlight.poll())) write(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the index", e);
    } finally {
      inFlight.forEach(f -> f.cancel(false));
    }
  }

  private void write(StatementDocuments.Prepared p) throws IOException {
    long group = duplicates.assign(p.fingerprint());
    writer().updateDocument(new Term(Fields.ID, p.version().id()), StatementDocuments.toDocument(p, group));
    flushAside();
  }

  /**
   * Writes the documents buffered so far into a segment on a thread of its own, once they fill half the RAM
   * buffer: left to the writer, this thread would stop adding documents while it writes, and it is the one
   * thread that cannot be spread over cores. The next documents go to a new buffer, and that segment is
   * still published after the one being written, so document ids keep the order documents were added in.
   */
  private void flushAside() throws IOException {
    if (!flushing.isDone()) return;
    await(flushing); // a failed flush fails the indexing that follows it
    if (writer.ramBytesUsed() - writer.getFlushingBytes() < FLUSH_ASIDE_BYTES) return;
    flushing = flusher.submit(() -> {
      writer.flushNextBuffer();
      return null;
    });
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while indexing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Pins the last commit: its files stay on disk, whatever the writer does, until {@link #releaseSnapshot}.
   * Its user data holds {@link #STORE_OFFSET}, the store offset it covers.
   */
  public IndexCommit snapshot() throws IOException {
    if (!(writer().getConfig().getIndexDeletionPolicy() instanceof SnapshotDeletionPolicy p)) {
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
      writer().setLiveCommitData(Map.of(STORE_OFFSET, Long.toString(storeOffset)).entrySet());
      writer.commit();
      appliedOffset = storeOffset;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit the index", e);
    }
  }

  /** The store offset covered by the last commit (0 for a new index). */
  @Override
  public long committedOffset() {
    Iterable<Map.Entry<String, String>> data = writer != null ? writer.getLiveCommitData() : readerCommitData();
    if (data != null) {
      for (Map.Entry<String, String> e : data) {
        if (e.getKey().equals(STORE_OFFSET)) return Long.parseLong(e.getValue());
      }
    }
    return 0;
  }

  private Iterable<Map.Entry<String, String>> readerCommitData() {
    IndexSearcher s = acquire();
    try {
      return ((org.apache.lucene.index.DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData().entrySet();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(s);
    }
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
      writer().deleteAll();
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
    preparers.shutdownNow();
    flusher.shutdown();
    try {
      flusher.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      searchers.close();
      if (writer != null) writer.rollback(); // uncommitted changes are replayed from the store next time
    } finally {
      dir.close();
    }
  }
}
