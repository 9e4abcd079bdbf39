package org.bayan.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bayan.statement.Agency;
import org.bayan.statement.Release;
import org.bayan.store.AgencyRegistry;
import org.bayan.store.AppendResult;
import org.bayan.store.ReleaseStore;

/**
 * The indexer job: reads release files, admits every record ({@link Admission}: validation and signature),
 * stores the accepted ones durably and brings the log and index up to date. A bad record is rejected with its {@code file:line} and reason and never stops the
 * rest. Running it twice on the same files changes nothing.
 *
 * <p>When {@code sync} is null (a running server holds the index), releases only go to the store and the
 * server indexes them from there within a second.
 */
public final class Indexer {
  private static final int BATCH = 1_000;
  /** Commit the index now and then, so that a crash replays at most this many releases. */
  private static final int COMMIT_EVERY = 50_000;

  private final ReleaseStore store;
  private final AgencyRegistry agencies;
  private final IndexSync sync;
  private final RejectsReport report;
  private final Admission admission;
  private final ReleaseFiles files;
  private final PrintStream err;
  private final Progress progress;

  public Indexer(ReleaseStore store, AgencyRegistry agencies, IndexSync sync, RejectsReport report,
      int maxBodyChars, PrintStream out, PrintStream err, boolean liveProgress) {
    this.store = store;
    this.agencies = agencies;
    this.sync = sync;
    this.report = report;
    this.admission = new Admission(agencies::get, maxBodyChars);
    this.files = new ReleaseFiles(8L * maxBodyChars + (1 << 16));
    this.err = err;
    this.progress = new Progress(out, liveProgress);
  }

  public IndexSummary run(List<Path> paths) throws IOException {
    List<Path> all = ReleaseFiles.expand(paths);
    registerAgenciesBeside(all);
    long[] counts = new long[4]; // added, updated, unchanged, rejected
    List<Rejection> rejections = new ArrayList<>();
    List<Release> batch = new ArrayList<>(BATCH);
    long[] sinceCommit = {0};
    for (Path file : all) {
      files.read(file, new ReleaseFiles.Sink() {
        @Override
        public void record(RawRecord r) {
          try {
            batch.add(admission.admit(r.bytes()));
          } catch (InvalidRecordException e) {
            reject(new Rejection(r.source(), r.line(), e.getMessage(), e.id(),
                new String(r.bytes(), java.nio.charset.StandardCharsets.UTF_8)));
          }
          if (batch.size() >= BATCH) flush();
          progress.update(counts[0] + counts[1] + counts[2], counts[3], r.location());
        }

        @Override
        public void rejected(Rejection rejection) {
          reject(rejection);
        }

        private void reject(Rejection rejection) {
          rejections.add(rejection);
          counts[3]++;
          progress.finish();
          err.println("rejected " + rejection);
        }

        private void flush() {
          store(batch, counts);
          sinceCommit[0] += batch.size();
          batch.clear();
          if (sync != null && sinceCommit[0] >= COMMIT_EVERY) {
            sync.catchUpAndCommit();
            sinceCommit[0] = 0;
          }
        }
      });
    }
    store(batch, counts);
    if (sync != null) sync.catchUpAndCommit();
    progress.finish();
    report.write(rejections);
    return new IndexSummary(counts[0], counts[1], counts[2], counts[3], progress.seconds(), rejections, sync == null);
  }

  private void store(List<Release> batch, long[] counts) {
    if (batch.isEmpty()) return;
    for (AppendResult r : store.append(batch)) {
      switch (r.outcome()) {
        case ADDED -> counts[0]++;
        case UPDATED -> counts[1]++;
        case UNCHANGED -> counts[2]++;
      }
    }
    if (sync != null) sync.applyPending();
  }

  // The shared corpora and agency exports keep an agencies.json beside their releases: registering it
  // lets a folder be indexed as it is.
  private void registerAgenciesBeside(List<Path> releaseFiles) {
    Set<Path> seen = new HashSet<>();
    for (Path f : releaseFiles) {
      Path a = f.toAbsolutePath().getParent().resolve("agencies.json");
      if (seen.add(a) && Files.isRegularFile(a)) {
        List<Agency> list = AgencyRegistry.read(a);
        int added = agencies.register(list);
        if (added > 0) err.println("registered " + added + " agencies from " + a);
      }
    }
  }
}
