package org.bayan.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.store.LockObtainFailedException;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.index.LuceneIndex;
import org.bayan.ingest.IndexSync;
import org.bayan.provenance.KeyFiles;
import org.bayan.provenance.PublicLog;
import org.bayan.provenance.TransparencyLog;
import org.bayan.store.AgencyRegistry;
import org.bayan.store.DataLayout;
import org.bayan.store.ReleaseStore;

/**
 * An opened data folder: analyzers, agency registry, release store and (when this process may write it)
 * the Lucene index and the transparency log, both brought up to date with the store on opening. Log and
 * index are held together: the process that writes the index is the one that appends to the log.
 */
public final class Engine implements AutoCloseable {
  public final DataLayout layout;
  public final AnalyzerRegistry analyzers;
  public final AgencyRegistry agencies;
  public final ReleaseStore store;
  public final LuceneIndex index; // null when another process holds the index
  public final TransparencyLog log; // null exactly when index is
  public final IndexSync sync;

  private Engine(DataLayout layout, AnalyzerRegistry analyzers, AgencyRegistry agencies, ReleaseStore store,
      LuceneIndex index, TransparencyLog log) {
    this.layout = layout;
    this.analyzers = analyzers;
    this.agencies = agencies;
    this.store = store;
    this.index = index;
    this.log = log;
    this.sync = index == null ? null : new IndexSync(store, index, log);
  }

  /** The log with its checkpoint key, generated in the data folder on first use. */
  public PublicLog publicLog(String origin) throws IOException {
    if (log == null) throw new IllegalStateException("this process does not hold the transparency log");
    return new PublicLog(log, origin, KeyFiles.loadOrCreate(layout.checkpointKeyFile()));
  }

  /**
   * Opens the data folder. With {@code indexRequired}, failing to get the index (another process writes it)
   * is an error naming that; without, the engine opens store-only.
   */
  public static Engine open(Path data, Path analyzersDir, boolean indexRequired) throws IOException {
    DataLayout layout = new DataLayout(data);
    AnalyzerRegistry analyzers = AnalyzerRegistry.load(analyzersDir);
    AgencyRegistry agencies = new AgencyRegistry(layout.agenciesFile());
    ReleaseStore store = ReleaseStore.open(layout.storeDir());
    LuceneIndex index;
    try {
      index = LuceneIndex.open(layout.indexDir(), analyzers);
    } catch (LockObtainFailedException e) {
      if (indexRequired) {
        store.close();
        throw new IOException("another Bayan process (a server or an indexer) is writing " + layout.indexDir()
            + "; stop it first, or point --data elsewhere", e);
      }
      index = null;
    }
    TransparencyLog log = null;
    if (index != null) {
      try {
        log = TransparencyLog.open(layout.logDir());
      } catch (IOException | RuntimeException e) {
        index.close();
        store.close();
        throw e;
      }
      log.recoveryNote().ifPresent(System.err::println);
    }
    Engine engine = new Engine(layout, analyzers, agencies, store, index, log);
    if (engine.sync != null) engine.sync.catchUpAndCommit();
    return engine;
  }

  @Override
  public void close() throws IOException {
    try {
      if (index != null) {
        try {
          sync.catchUpAndCommit();
          index.close();
        } finally {
          log.close();
        }
      }
    } finally {
      store.close();
      analyzers.close();
    }
  }
}
