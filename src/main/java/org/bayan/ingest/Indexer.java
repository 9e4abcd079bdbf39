package org.bayan.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bayan.provenance.CanonicalForm;
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
  /** Rejections the summary of a run lists (the quarantine gets them all), and how many are written at once. */
  static final int KEPT_REJECTIONS = 1_000;

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

  /** The counts of the run going on, as last stored: what an interrupted run reports. */
  private volatile long[] stored = new long[4];

  /** What the run in progress has stored so far (all of it durable), for a summary when it is interrupted. */
  public IndexSummary summarySoFar() {
    long[] c = stored;
    return new IndexSummary(c[0], c[1], c[2], c[3], progress.seconds(), List.of(), sync == null);
  }

  public IndexSummary run(List<Path> paths) throws IOException {
    List<Path> all = ReleaseFiles.expand(paths);
    registerAgenciesBeside(all);
    Run run = new Run();
    for (Path f : all) run.totalBytes += Files.size(f);
    try {
      for (Path file : all) {
        run.bytesBefore = run.bytesRead;
        files.read(file, new ReleaseFiles.Sink() {
          @Override
          public void record(RawRecord r) {
            run.add(new Item(r, null));
          }

          @Override
          public void rejected(Rejection rejection) {
            run.add(new Item(null, rejection));
          }
        });
        run.bytesRead = run.bytesBefore + Files.size(file);
      }
      run.finish();
    } finally {
      run.close();
    }
    return new IndexSummary(run.counts[0], run.counts[1], run.counts[2], run.counts[3], progress.seconds(),
        run.rejections, sync == null);
  }

  /** A line as read: a record to admit, or a rejection the reader made (too long, truncated file). */
  private record Item(RawRecord record, Rejection rejection) {}

  /** What admission made of an item: a release to store with its content hash, or a rejection. */
  private record Admitted(Release release, String contentHash, Rejection rejection, String location) {}

  /**
   * One run's pipeline. Records are admitted (parsed, validated, signature checked, content hashed) a chunk at
   * a time on every core, a few chunks ahead; this thread takes the chunks back in file order and stores each
   * batch, then brings the log and the index up to date while the next chunks are being admitted. Storing in
   * file order on one thread keeps the store, and so the transparency log, in the order of the files, and a
   * batch is acknowledged only once forced to disk, as before.
   */
  private final class Run implements AutoCloseable {
    final long[] counts = new long[4]; // added, updated, unchanged, rejected
    /** The first {@link #KEPT_REJECTIONS} rejections, for the summary; all of them go to the quarantine. */
    final List<Rejection> rejections = new ArrayList<>();
    /** Rejections not yet in the quarantine: written every {@link #KEPT_REJECTIONS}, not held to the end. */
    private final List<Rejection> unreported = new ArrayList<>();
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final ExecutorService admitters = Executors.newFixedThreadPool(cores,
        Thread.ofPlatform().name("bayan-admit-", 1).daemon(true).factory());
    private final ArrayDeque<Future<List<Admitted>>> inFlight = new ArrayDeque<>();
    private List<Item> chunk = new ArrayList<>(BATCH);
    private final List<Release> batch = new ArrayList<>(BATCH);
    private final List<String> hashes = new ArrayList<>(BATCH);
    private long sinceCommit;
    /** Size of every input file, and how much of it was read (files before the current one, and in it). */
    long totalBytes;
    long bytesBefore;
    long bytesRead;

    void add(Item item) {
      bytesRead = bytesBefore + files.consumed();
      chunk.add(item);
      if (chunk.size() >= BATCH) submit();
    }

    void finish() {
      submit();
      while (!inFlight.isEmpty()) take();
      store();
      if (sync != null) sync.catchUpAndCommit();
      progress.finish();
      report.write(unreported);
      unreported.clear();
    }

    private void submit() {
      if (chunk.isEmpty()) return;
      List<Item> items = chunk;
      chunk = new ArrayList<>(BATCH);
      inFlight.add(admitters.submit(() -> admitAll(items)));
      while (inFlight.size() > 2 * cores) take();
    }

    private void take() {
      List<Admitted> admitted;
      try {
        admitted = inFlight.poll().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while indexing", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) throw r;
        if (e.getCause() instanceof Error err) throw err;
        throw new IllegalStateException(e.getCause());
      }
      for (Admitted a : admitted) {
        if (a.rejection() != null) {
          reject(a.rejection());
        } else {
          batch.add(a.release());
          hashes.add(a.contentHash());
          if (batch.size() >= BATCH) flush();
        }
        if (a.location() != null) {
          progress.update(counts[0] + counts[1] + counts[2], counts[3], a.location(), bytesRead, totalBytes);
        }
      }
    }

    private void reject(Rejection rejection) {
      // A file of a million bad lines must not hold them all (each with its raw record) in memory.
      if (rejections.size() < KEPT_REJECTIONS) rejections.add(rejection);
      unreported.add(rejection);
      if (unreported.size() >= KEPT_REJECTIONS) {
        report.write(unreported);
        unreported.clear();
      }
      counts[3]++;
      stored = counts.clone();
      progress.finish();
      err.println("rejected " + rejection);
    }

    private void flush() {
      sinceCommit += batch.size();
      store();
      if (sync != null && sinceCommit >= COMMIT_EVERY) {
        sync.catchUpAndCommit();
        sinceCommit = 0;
      }
    }

    private void store() {
      if (batch.isEmpty()) return;
      for (AppendResult r : Indexer.this.store.append(batch, hashes)) {
        switch (r.outcome()) {
          case ADDED -> counts[0]++;
          case UPDATED -> counts[1]++;
          case UNCHANGED -> counts[2]++;
        }
      }
      batch.clear();
      hashes.clear();
      stored = counts.clone();
      if (sync != null) sync.applyPending();
    }

    @Override
    public void close() {
      inFlight.forEach(f -> f.cancel(true));
      admitters.shutdownNow();
      // A run that failed part way (a store that cannot write) still keeps the rejections it made.
      report.write(unreported);
      unreported.clear();
    }
  }

  // Runs on an admitting thread: everything about a record that does not depend on what was stored before it.
  private List<Admitted> admitAll(List<Item> items) {
    List<Admitted> out = new ArrayList<>(items.size());
    for (Item item : items) {
      RawRecord r = item.record();
      if (r == null) {
        out.add(new Admitted(null, null, item.rejection(), null));
        continue;
      }
      try {
        Release release = admission.admit(r.bytes());
        out.add(new Admitted(release, CanonicalForm.contentHash(release), null, r.location()));
      } catch (InvalidRecordException e) {
        out.add(new Admitted(null, null, new Rejection(r.source(), r.line(), e.getMessage(), e.id(),
            new String(r.bytes(), java.nio.charset.StandardCharsets.UTF_8)), r.location()));
      }
    }
    return out;
  }

  // The shared corpora and agency exports keep an agencies.json beside their releases: registering it
  // lets a folder be indexed as it is.
  private void registerAgenciesBeside(List<Path> releaseFiles) {
    Set<Path> seen = new HashSet<>();
    for (Path f : releaseFiles) {
      Path a = f.toAbsolutePath().getParent().resolve("agencies.json");
      if (seen.add(a) && Files.isRegularFile(a)) {
        AgencyRegistry.AgencyFile read = AgencyRegistry.read(a);
        read.problems().forEach(p -> err.println("agencies file: " + p));
        List<Agency> list = read.agencies();
        int added = agencies.register(list);
        if (added > 0) err.println("registered " + added + " agencies from " + a);
      }
    }
  }
}
