package org.bayan.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.analysis.Analyzer;
import java.util.function.UnaryOperator;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.index.DerivedIndex;
import org.bayan.index.LuceneIndex;
import org.bayan.ingest.IndexSync;
import org.bayan.opensearch.IndexDefinition;
import org.bayan.opensearch.OpenSearchClaims;
import org.bayan.opensearch.OpenSearchClient;
import org.bayan.opensearch.OpenSearchIndex;
import org.bayan.opensearch.OpenSearchSearch;
import org.bayan.provenance.ChannelOpener;
import org.bayan.provenance.KeyFiles;
import org.bayan.provenance.PublicLog;
import org.bayan.provenance.TransparencyLog;
import org.bayan.search.SearchService;
import org.bayan.search.StatementSearch;
import org.bayan.search.SuggestService;
import org.bayan.search.Suggester;
import org.bayan.search.claims.ClaimService;
import org.bayan.search.claims.ClaimTuning;
import org.bayan.store.AgencyRegistry;
import org.bayan.store.DataLayout;
import org.bayan.store.ReleaseStore;

/**
 * An opened data folder: analyzers, agency registry, release store and (when this process may write them)
 * the search index and the transparency log, both brought up to date with the store on opening. Log and
 * index are held together: the process that writes the index is the one that appends to the log. The index
 * is the embedded Lucene one or an OpenSearch index ({@link SearchBackend}); the store and log are always here.
 */
public final class Engine implements AutoCloseable {
  public final DataLayout layout;
  public final AnalyzerRegistry analyzers;
  public final AgencyRegistry agencies;
  public final ReleaseStore store;
  public final LuceneIndex index; // the embedded index; null with OpenSearch or when another process holds it
  public final DerivedIndex derived; // the index this process keeps, whichever engine; null when index-less
  public final TransparencyLog log; // null exactly when derived is
  public final IndexSync sync;
  public final SearchBackend backend;

  private Engine(DataLayout layout, AnalyzerRegistry analyzers, AgencyRegistry agencies, ReleaseStore store,
      LuceneIndex index, DerivedIndex derived, TransparencyLog log, SearchBackend backend) {
    this.layout = layout;
    this.analyzers = analyzers;
    this.agencies = agencies;
    this.store = store;
    this.index = index;
    this.derived = derived;
    this.log = log;
    this.backend = backend;
    this.sync = derived == null ? null : new IndexSync(store, derived, log);
  }

  /** The log with its checkpoint key, generated in the data folder on first use. */
  public PublicLog publicLog(String origin) throws IOException {
    if (log == null) throw new IllegalStateException("this process does not hold the transparency log");
    return new PublicLog(log, origin, KeyFiles.loadOrCreate(layout.checkpointKeyFile()));
  }

  /** Search over the index this engine keeps. */
  public StatementSearch search() {
    if (derived instanceof OpenSearchIndex os) {
      return new OpenSearchSearch(os, LuceneIndex.analyzer(analyzers), agencies::get);
    }
    if (index == null) throw new IllegalStateException("this process does not hold the index");
    return new SearchService(index, agencies::get);
  }

  /** Completions from agency names and the titles of the index this engine keeps. */
  public Suggester suggester() {
    if (derived instanceof OpenSearchIndex os) {
      Analyzer analyzer = LuceneIndex.analyzer(analyzers);
      OpenSearchSearch search = new OpenSearchSearch(os, analyzer, agencies::get);
      return new SuggestService(analyzer, new SuggestService.Titles() {
        @Override
        public java.util.List<SuggestService.Title> find(org.apache.lucene.search.Query query, int n) {
          return search.titles(query, n);
        }

        @Override
        public java.util.Map<String, Long> statements(java.util.List<String> agencyIds) {
          return search.countByAgency(agencyIds);
        }
      }, agencies::all);
    }
    if (index == null) throw new IllegalStateException("this process does not hold the index");
    return new SuggestService(index, agencies::all);
  }

  /** Claim lookup over the index this engine keeps. */
  public ClaimService claims() {
    ClaimService.PublishedText published = (id, version) -> store.version(id, version).map(v -> v.release().body());
    if (derived instanceof OpenSearchIndex os) {
      return new ClaimService(new OpenSearchClaims(os), LuceneIndex.analyzer(analyzers), agencies::get,
          ClaimTuning.DEFAULT, published);
    }
    if (index == null) throw new IllegalStateException("this process does not hold the index");
    return new ClaimService(index, agencies::get, published);
  }

  public static Engine open(Path data, Path analyzersDir, boolean indexRequired) throws IOException {
    return open(data, analyzersDir, indexRequired, SearchBackend.LUCENE);
  }

  /**
   * How the data folder's files are written: {@link #REAL}, or in a test a disk that fills up, to show that a
   * failed write changes nothing.
   */
  public record Disk(ChannelOpener store, ChannelOpener log, UnaryOperator<Directory> index) {
    public static final Disk REAL = new Disk(ChannelOpener.FILES, ChannelOpener.FILES, UnaryOperator.identity());
  }

  /**
   * Why this engine cannot be trusted to index or search right now, if so: an index writer that failed and
   * is not yet reopened, or index files found damaged. The store and the log stay the record either way.
   */
  public java.util.Optional<String> problem() {
    return index == null ? java.util.Optional.empty() : index.problem();
  }

  /**
   * Opens the data folder to rebuild its index from the store: the embedded index is opened empty without
   * reading the old one (which may be damaged), and is not caught up; the caller replays the store.
   */
  public static Engine openForRebuild(Path data, Path analyzersDir, SearchBackend backend) throws IOException {
    return open(data, analyzersDir, true, backend, Disk.REAL, true);
  }

  /**
   * Opens the data folder. With {@code indexRequired}, failing to get the index (another process writes it)
   * is an error naming that; without, the engine opens store-only.
   */
  public static Engine open(Path data, Path analyzersDir, boolean indexRequired, SearchBackend backend)
      throws IOException {
    return open(data, analyzersDir, indexRequired, backend, Disk.REAL, false);
  }

  /** {@link #open(Path, Path, boolean, SearchBackend)} writing through {@code disk}. */
  public static Engine open(Path data, Path analyzersDir, boolean indexRequired, SearchBackend backend, Disk disk)
      throws IOException {
    return open(data, analyzersDir, indexRequired, backend, disk, false);
  }

  private static Engine open(Path data, Path analyzersDir, boolean indexRequired, SearchBackend backend, Disk disk,
      boolean rebuild) throws IOException {
    DataLayout layout = new DataLayout(data);
    AnalyzerRegistry analyzers = AnalyzerRegistry.load(analyzersDir);
    AgencyRegistry agencies = new AgencyRegistry(layout.agenciesFile());
    agencies.problems().forEach(p -> System.err.println("agencies file: " + p));
    ReleaseStore store = ReleaseStore.open(layout.storeDir(), disk.store());
    if (backend.kind() == SearchBackend.Kind.opensearch) return openWithOpenSearch(layout, analyzers, agencies, store,
        indexRequired, backend);
    LuceneIndex index;
    try {
      index = LuceneIndex.open(layout.indexDir(), analyzers, disk.index(), rebuild);
    } catch (LockObtainFailedException e) {
      if (indexRequired) {
        store.close();
        throw new IOException("another Bayan process (a server or an indexer) is writing " + layout.indexDir()
            + "; stop it first, or point --data elsewhere", e);
      }
      index = null;
    } catch (CorruptIndexException | java.io.EOFException | java.nio.file.NoSuchFileException e) {
      store.close();
      throw new IOException("the index in " + layout.indexDir() + " is damaged (" + e.getMessage() + "); the store "
          + "is intact: rebuild the index from it with 'bayan reindex --data " + layout.root() + "'", e);
    }
    TransparencyLog log = null;
    if (index != null) {
      try {
        log = TransparencyLog.open(layout.logDir(), disk.log());
      } catch (IOException | RuntimeException e) {
        index.close();
        store.close();
        throw e;
      }
      log.recoveryNote().ifPresent(System.err::println);
    }
    Engine engine = new Engine(layout, analyzers, agencies, store, index, index, log, backend);
    if (engine.sync != null && !rebuild) {
      try {
        engine.sync.catchUpAndCommit();
      } catch (RuntimeException e) {
        engine.close(false);
        throw e;
      }
    }
    return engine;
  }

  /**
   * Opens the data folder to read: the store, and the last commit of the embedded index, read-only, so a
   * server may be running on the folder and writing both. Nothing is caught up or written; when the index
   * lags the store (no server or indexer has run since releases were stored), a note on stderr says so. With
   * OpenSearch the cluster's index is read as {@link #open} reads it.
   */
  public static Engine openForReading(Path data, Path analyzersDir, SearchBackend backend) throws IOException {
    if (backend.kind() == SearchBackend.Kind.opensearch) return open(data, analyzersDir, true, backend);
    DataLayout layout = new DataLayout(data);
    if (!java.nio.file.Files.isDirectory(layout.indexDir())) {
      throw new IOException("no index in " + layout.root() + ": index releases first (bin/bayan index FILES "
          + "--data " + layout.root() + "), or point --data at a data folder");
    }
    AnalyzerRegistry analyzers = AnalyzerRegistry.load(analyzersDir);
    AgencyRegistry agencies = new AgencyRegistry(layout.agenciesFile());
    ReleaseStore store = ReleaseStore.open(layout.storeDir());
    LuceneIndex index;
    try {
      index = LuceneIndex.openReadOnly(layout.indexDir(), analyzers);
    } catch (org.apache.lucene.index.IndexNotFoundException e) {
      store.close();
      throw new IOException("no index in " + layout.indexDir() + ": index releases first (bin/bayan index)", e);
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
    if (index.committedOffset() < store.endOffset()) {
      System.err.println("note: the index does not hold every stored release yet; a running server adds them "
          + "within a second, otherwise run bin/bayan reindex or start the server");
    }
    return new Engine(layout, analyzers, agencies, store, index, null, null, backend);
  }

  // The log's own lock decides which process keeps log and index (there is no index lock in the data folder).
  private static Engine openWithOpenSearch(DataLayout layout, AnalyzerRegistry analyzers, AgencyRegistry agencies,
      ReleaseStore store, boolean indexRequired, SearchBackend backend) throws IOException {
    TransparencyLog log;
    try {
      log = TransparencyLog.open(layout.logDir());
    } catch (IOException e) {
      if (indexRequired) {
        store.close();
        throw new IOException("another Bayan process (a server or an indexer) keeps the index of " + layout.root()
            + "; stop it first, or point --data elsewhere (" + e.getMessage() + ")", e);
      }
      return new Engine(layout, analyzers, agencies, store, null, null, null, backend);
    }
    try {
      log.recoveryNote().ifPresent(System.err::println);
      OpenSearchClient client = new OpenSearchClient(backend.urls());
      OpenSearchIndex index = OpenSearchIndex.open(client,
          new IndexDefinition(analyzers, backend.shards(), backend.replicas()), backend.indexName());
      Engine engine = new Engine(layout, analyzers, agencies, store, null, index, log, backend);
      engine.sync.catchUpAndCommit();
      return engine;
    } catch (RuntimeException e) {
      log.close();
      store.close();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    close(true);
  }

  // Without catching up: an engine that failed to open closes what it opened, and nothing else.
  private void close(boolean catchUp) throws IOException {
    try {
      if (derived == null && index != null) index.close(); // opened read-only
      if (derived != null) {
        try {
          if (catchUp) sync.catchUpAndCommit();
        } finally {
          try {
            if (index != null) index.close();
          } finally {
            log.close();
          }
        }
      }
    } finally {
      store.close();
      analyzers.close();
    }
  }
}
