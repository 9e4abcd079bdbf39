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
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.util.Bits;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.index.DirectoryReader;
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
 *
 * <p>A write that fails (a full disk during a flush, a merge or a commit) may leave the IndexWriter closed
 * for good, or its buffer short of documents the store offset says it holds; so any failed write marks the
 * writer broken ({@link #problem}), and {@link #recover} reopens it at the last commit, from where the caller
 * replays the store. Until then searches go on over the last searcher. Damaged files (a checksum that
 * {@link #verify} finds wrong) are reported the same way but cannot be recovered from: the index is rebuilt
 * from the store ({@code bayan reindex}).
 */
public final class LuceneIndex implements DerivedIndex, Closeable {
  public static final String STORE_OFFSET = "bayan.store_offset";
  private static final Similarities SIMILARITY = new Similarities();

  private final Directory dir;
  private final java.util.function.Supplier<IndexWriterConfig> config; // a writer's config is its own
  private volatile IndexWriter writer;
  private volatile SearcherManager searchers;
  // A reopened writer's searchers, shown from its first successful refresh: until the store is replayed into
  // it, it holds only the last commit, less than the failed writer's last searcher showed.
  private SearcherManager reopened;
  private volatile String broken; // why the writer failed, until a reopened one is refreshed; else null
  private volatile boolean reopen; // the writer failed and is not reopened yet
  private volatile boolean unsaved; // documents written or deleted since the last commit
  private volatile String damaged; // what verify() found wrong with the files, or null
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

  private LuceneIndex(Directory dir, java.util.function.Supplier<IndexWriterConfig> config, Analyzer analyzer)
      throws IOException {
    this.dir = dir;
    this.config = config;
    this.analyzer = analyzer;
    int cores = Runtime.getRuntime().availableProcessors();
    this.prepareAhead = 2 * cores;
    this.preparers = Executors.newFixedThreadPool(cores, Thread.ofPlatform().name("bayan-index-prepare-", 1)
        .daemon(true).factory());
    if (config != null) {
      openWriter(config.get());
    } else {
      // Read-only: searchers over the last commit, with no writer and so no write lock; a running server may
      // hold that lock and go on writing.
      SearcherManager m = new SearcherManager(dir, searcherFactory());
      try {
        loadDuplicateGroups(m);
      } catch (IOException | RuntimeException e) {
        m.close();
        throw e;
      }
      this.searchers = m;
      this.appliedOffset = committedOffset();
    }
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

  /**
   * Opens the writer at the last commit, with its searchers and the duplicate table of that commit. On
   * reopening, searches go on over the failed writer's last searcher until the new one has been refreshed
   * ({@link #refresh}), so that nothing acknowledged drops out of sight meanwhile.
   */
  private void openWriter(IndexWriterConfig cfg) throws IOException {
    IndexWriter w = new IndexWriter(dir, cfg);
    SearcherManager m = null;
    try {
      m = new SearcherManager(w, true, false, searcherFactory());
      duplicates.clear();
      loadDuplicateGroups(m);
    } catch (IOException | RuntimeException e) {
      if (m != null) m.close();
      w.rollback();
      throw e;
    }
    this.writer = w;
    this.unsaved = false;
    this.appliedOffset = committedOffset();
    if (this.searchers == null) {
      this.searchers = m;
    } else {
      closeQuietly(reopened); // of a writer that failed again before its first refresh
      reopened = m;
    }
  }

  private static void closeQuietly(SearcherManager m) {
    if (m == null) return;
    try {
      m.close(); // readers still held are released by their holders
    } catch (IOException | RuntimeException ignored) {
      // they belonged to a failed writer
    }
  }

  /**
   * Why the index cannot take writes or should not be trusted, if it cannot: a writer that failed and is
   * not yet reopened ({@link #recover}), or damaged files ({@link #verify}).
   */
  public java.util.Optional<String> problem() {
    String d = damaged;
    return java.util.Optional.ofNullable(d != null ? d : broken);
  }

  /**
   * Reopens a writer that failed at its last commit, dropping what it had not committed; the caller replays
   * the store from {@link #appliedOffset()}, which is the commit's offset again. Returns whether it did; throws
   * if reopening fails too (the disk is still full), leaving the index broken for the next try.
   */
  @Override
  public synchronized boolean recover() {
    if (!reopen) return false;
    try {
      try {
        writer.rollback();
      } catch (IOException | RuntimeException ignored) {
        // already closed by its failure: rollback is only there to release the write lock
      }
      flushing = java.util.concurrent.CompletableFuture.completedFuture(null);
      openWriter(config.get());
      reopen = false; // broken stays until the replay is searchable (refresh)
      return true;
    } catch (IOException | RuntimeException e) {
      broken = "the index writer failed and could not be reopened yet (" + e.getMessage() + "); retrying";
      throw new UncheckedIOException(new IOException(broken, e));
    }
  }

  /**
   * Checks every segment of the current searcher against its checksums (reading each file through once),
   * as Lucene's CheckIndex does: a flipped byte in a file nobody has read yet is otherwise only found when a
   * query or a merge reaches it. Returns what is wrong, and keeps it as the index's {@link #problem}.
   */
  public java.util.Optional<String> verify() {
    IndexSearcher s;
    try {
      s = acquire();
    } catch (org.apache.lucene.store.AlreadyClosedException closing) {
      return java.util.Optional.empty(); // the server stopped before the check began
    }
    try {
      for (LeafReaderContext leaf : s.getIndexReader().leaves()) leaf.reader().checkIntegrity();
      return java.util.Optional.empty();
    } catch (org.apache.lucene.store.AlreadyClosedException closing) {
      return java.util.Optional.empty(); // the server stopped during the check: not damage
    } catch (IOException | RuntimeException e) {
      damaged = "the index in " + where() + " is damaged (" + e.getMessage() + "); searches may fail or miss "
          + "statements until it is rebuilt from the store with 'bayan reindex'";
      return java.util.Optional.of(damaged);
    } finally {
      release(s);
    }
  }

  private String where() {
    return org.apache.lucene.store.FilterDirectory.unwrap(dir) instanceof FSDirectory fs
        ? fs.getDirectory().toString() : "memory";
  }

  // A failed write: the writer may be closed (a tragic exception) or short of documents it was given (an I/O
  // failure part way through a flush). A document the writer refused on its own (a term too long) leaves it
  // whole, and reopening would not help.
  private RuntimeException failed(String what, Throwable e) {
    String cause = e.getMessage();
    Throwable tragic = writer.getTragicException();
    if (tragic != null && tragic != e) cause = cause + "; " + tragic.getMessage();
    boolean io = false;
    for (Throwable t = e; t != null; t = t.getCause()) io |= t instanceof IOException;
    if (io || tragic != null || !writer.isOpen()) {
      broken = "the index writer failed (" + what + ": " + cause + "); it is reopened at its last commit and "
          + "the store replayed on the next indexing";
      reopen = true;
    }
    return e instanceof IOException ioe ? new UncheckedIOException(what + ": " + cause, ioe)
        : e instanceof RuntimeException r ? r : new IllegalStateException(what, e);
  }

  // The duplicate table is memory only: rebuilt from the doc values of the last commit, which is exactly
  // what the store is replayed onto.
  private void loadDuplicateGroups(SearcherManager searchers) throws IOException {
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
    return open(path, analyzers, java.util.function.UnaryOperator.identity(), false);
  }

  /**
   * {@link #open(Path, AnalyzerRegistry)} with the directory wrapped by {@code wrap} (a test's full disk); with
   * {@code empty}, the index is opened empty, ignoring what is there (a rebuild: the files, perhaps damaged, are
   * not read, and are replaced at the first commit).
   */
  public static LuceneIndex open(Path path, AnalyzerRegistry analyzers,
      java.util.function.UnaryOperator<Directory> wrap, boolean empty) throws IOException {
    Analyzer analyzer = analyzer(analyzers);
    Directory dir = wrap.apply(FSDirectory.open(path));
    boolean[] first = {true};
    java.util.function.Supplier<IndexWriterConfig> config = () -> {
      IndexWriterConfig cfg = new IndexWriterConfig(analyzer).setSimilarity(SIMILARITY)
          .setOpenMode(empty && first[0] ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setRAMBufferSizeMB(RAM_BUFFER_MB)
          .setCommitOnClose(false)
          // Lets a backup copy a commit's files while the writer goes on merging and committing.
          .setIndexDeletionPolicy(new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy()));
      first[0] = false;
      return cfg;
    };
    try {
      try {
        return new LuceneIndex(dir, config, analyzer);
      } catch (org.apache.lucene.index.CorruptIndexException | java.io.EOFException
          | java.nio.file.NoSuchFileException damaged) {
        if (!empty) throw damaged;
        // Even an index opened empty reads the last commit's list of files; when that list is what is damaged,
        // a rebuild starts from an empty folder (the store is the record).
        for (String f : dir.listAll()) {
          if (!f.equals(IndexWriter.WRITE_LOCK_NAME)) dir.deleteFile(f);
        }
        first[0] = true;
        return new LuceneIndex(dir, config, analyzer);
      }
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
    return new LuceneIndex(dir, () -> new IndexWriterConfig(analyzer).setSimilarity(SIMILARITY)
        .setRAMBufferSizeMB(RAM_BUFFER_MB).setCommitOnClose(false), analyzer);
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
    } catch (IOException | RuntimeException e) {
      throw failed("cannot write the index", e);
    } finally {
      inFlight.forEach(f -> f.cancel(false));
    }
  }

  private void write(StatementDocuments.Prepared p) throws IOException {
    long group = duplicates.assign(p.fingerprint());
    unsaved = true;
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
    // A writer that failed may lack documents below the offset: committing it would make the loss durable.
    if (reopen) throw new IllegalStateException(broken);
    try {
      boolean written = unsaved;
      unsaved = false; // documents written from here on are the next commit's
      writer().setLiveCommitData(Map.of(STORE_OFFSET, Long.toString(storeOffset)).entrySet());
      try {
        writer.commit();
      } catch (IOException | RuntimeException e) {
        unsaved = written;
        throw e;
      }
      appliedOffset = storeOffset;
    } catch (IOException | RuntimeException e) {
      throw failed("cannot commit the index", e);
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
      return ((DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData().entrySet();
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
      synchronized (this) {
        if (reopened != null) {
          reopened.maybeRefresh();
          SearcherManager old = searchers;
          searchers = reopened;
          reopened = null;
          closeQuietly(old);
          broken = null;
          return;
        }
      }
      searchers.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      throw failed("cannot refresh the index searcher", e);
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
      unsaved = true;
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

  /**
   * Lets the merges the merge policy asks for finish, and commits their result: merges finished after the last
   * commit, and those still running, are otherwise lost at close (the writer is rolled back), and a bulk load
   * left the next start with the many small segments its flushes wrote (14 for 146k statements, each searched
   * in turn). Only for a writer holding nothing uncommitted, so the commit records exactly the documents of
   * the last one, at its store offset; a merge or commit that fails leaves that last commit as it was.
   */
  private void finishMerges() {
    try {
      writer.maybeMerge();
      if (writer.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler merges) {
        merges.sync();
        while (writer.hasPendingMerges()) { // merges the finished ones made necessary
          writer.maybeMerge();
          merges.sync();
        }
      }
      writer.commit();
    } catch (IOException | RuntimeException e) {
      // the last commit is intact; the merges are asked for again by the next writer's first flush or close
    }
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
      closeQuietly(reopened);
      searchers.close();
      if (writer != null) {
        if (!reopen && !unsaved) finishMerges();
        writer.rollback(); // uncommitted changes are replayed from the store next time
      }
    } finally {
      dir.close();
    }
  }
}
