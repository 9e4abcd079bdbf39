package org.bayan.cli;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bayan.backup.Snapshots;
import org.bayan.http.BayanServer;
import org.bayan.http.LimitSettings;
import org.bayan.http.WebSettings;
import org.bayan.ingest.RejectsReport;
import org.bayan.ingest.ReleaseParser;
import org.bayan.ingest.feed.FeedPoller;
import org.bayan.ingest.push.ApiKeys;
import org.bayan.ingest.push.PushService;
import org.bayan.search.StatementReader;
import org.bayan.search.claims.ClaimService;
import org.bayan.search.SearchService;
import org.bayan.search.StatementSearch;
import org.bayan.search.Suggester;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running server with its follower: every {@value #FOLLOW_MS} ms it indexes what other processes added to
 * the store and refreshes the searcher, so a release stored by {@code bayan index} is searchable within a
 * second; every {@value #COMMIT_MS} ms it commits, bounding what a crash must replay.
 */
public final class Service implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Service.class);
  static final long FOLLOW_MS = 200;
  static final long COMMIT_MS = 30_000;

  private final Engine engine;
  private final StatementSearch search;
  private final BayanServer server;
  private final ScheduledExecutorService follower;
  private final java.util.List<ScheduledExecutorService> pollers = new java.util.concurrent.CopyOnWriteArrayList<>();

  private Service(Engine engine, StatementSearch search, BayanServer server, ScheduledExecutorService follower) {
    this.engine = engine;
    this.search = search;
    this.server = server;
    this.follower = follower;
  }

  /** The log origin when none is configured. */
  public static final String DEFAULT_LOG_ORIGIN = "bayan.local/log";

  /**
   * How a server is run.
   *
   * @param logOrigin the transparency log's name in its checkpoints
   * @param web which other sites may call the API and frame the embed page
   * @param maxRequestBytes the largest request body accepted (a pushed batch)
   * @param limits the per-client rate limit of the public endpoints
   * @param searchBudgetMs how long one search may run before it answers with what it found so far
   * @param snapshotRoot where {@code POST /api/admin/snapshot} writes (null: {@code snapshots/} in the data folder)
   */
  public record Options(String logOrigin, WebSettings web, long maxRequestBytes, LimitSettings limits,
      long searchBudgetMs, java.nio.file.Path snapshotRoot) {
    public Options(String logOrigin, WebSettings web, long maxRequestBytes) {
      this(logOrigin, web, maxRequestBytes, LimitSettings.NONE, DEFAULT_SEARCH_BUDGET_MS);
    }

    public Options(String logOrigin, WebSettings web, long maxRequestBytes, LimitSettings limits, long searchBudgetMs) {
      this(logOrigin, web, maxRequestBytes, limits, searchBudgetMs, null);
    }

    /** A search that has not finished in this time answers with the hits found so far, marked partial. */
    public static final long DEFAULT_SEARCH_BUDGET_MS = 2_000;
    /** Default cap on a request body: a pushed batch of a few thousand releases; larger loads go through bayan index. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 32L << 20;

    public static final Options DEFAULT = new Options(DEFAULT_LOG_ORIGIN, WebSettings.DEFAULT, DEFAULT_MAX_REQUEST_BYTES);
  }

  public static Service start(Engine engine, String host, int port) throws IOException {
    return start(engine, host, port, Options.DEFAULT);
  }

  public static Service start(Engine engine, String host, int port, Options options) throws IOException {
    // The embedded engine takes the search time budget; a cluster keeps its own timeouts.
    StatementSearch search = engine.index != null
        ? new SearchService(engine.index, engine.agencies::get, options.searchBudgetMs()) : engine.search();
    StatementReader statements = new StatementReader(engine.store, engine.agencies::get);
    ClaimService claims = engine.claims();
    Suggester suggest = engine.suggester();
    PushService push = new PushService(engine.store, engine.agencies, engine.sync,
        new RejectsReport(engine.layout.rejectsFile()), ReleaseParser.DEFAULT_MAX_BODY_CHARS);
    BayanServer.Api api = new BayanServer.Api(
        search, statements, engine.agencies::all, suggest, claims, engine.publicLog(options.logOrigin()),
        new BayanServer.Push(push, new ApiKeys(engine.layout.apiKeysFile()), options.maxRequestBytes()),
        gauges(engine, search),
        // Snapshots pin an embedded index commit; a cluster's index is rebuilt from the store (bayan reindex).
        engine.index == null ? null
            : new BayanServer.Backups(new Snapshots(engine.layout, engine.store, engine.index, engine.log, engine.sync),
                options.snapshotRoot() != null ? options.snapshotRoot() : engine.layout.root().resolve("snapshots")),
        engine::problem);
    BayanServer server = new BayanServer(api, options.web(), options.limits()).start(host, port);
    ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "bayan-follower");
      t.setDaemon(true);
      return t;
    });
    if (engine.index != null) {
      // The index may have been written by another process, copied or restored: its checksums are read
      // through once, in the background, so that a damaged file shows on /healthz rather than in a query.
      // On a thread of its own: reading a large index takes a while, and following the store must not wait.
      Thread.ofPlatform().name("bayan-index-verify").daemon(true)
          .start(() -> engine.index.verify().ifPresent(LOG::error));
    }
    Complaint following = new Complaint("indexing new releases from the store failed; will retry");
    follower.scheduleWithFixedDelay(() -> {
      try {
        engine.agencies.reloadIfChanged();
        engine.sync.catchUp();
        following.over();
      } catch (RuntimeException e) {
        following.report(e);
      }
    }, FOLLOW_MS, FOLLOW_MS, TimeUnit.MILLISECONDS);
    follower.scheduleWithFixedDelay(() -> {
      try {
        engine.sync.catchUpAndCommit();
      } catch (RuntimeException e) {
        LOG.error("committing the index failed; will retry", e);
      }
    }, COMMIT_MS, COMMIT_MS, TimeUnit.MILLISECONDS);
    return new Service(engine, search, server, follower);
  }

  /**
   * A failure the follower meets at every try (a full disk: five times a second) is logged in full once, then
   * once a minute while it lasts: a log that grows that fast may be on the very disk that is full.
   */
  private static final class Complaint {
    private final String what;
    private String last;
    private long lastAt;

    Complaint(String what) {
      this.what = what;
    }

    void report(RuntimeException e) {
      long now = System.nanoTime();
      String message = String.valueOf(e.getMessage());
      if (message.equals(last) && now - lastAt < TimeUnit.MINUTES.toNanos(1)) return;
      if (message.equals(last)) LOG.error("{} (still): {}", what, message);
      else LOG.error(what, e);
      last = message;
      lastAt = now;
    }

    void over() {
      if (last != null) LOG.info("recovered from: {}", last);
      last = null;
    }
  }

  private static java.util.List<BayanServer.Gauge> gauges(Engine engine, StatementSearch search) {
    java.util.List<BayanServer.Gauge> gauges = new java.util.ArrayList<>(java.util.List.of(
        new BayanServer.Gauge("bayan.statements", "Statements searchable now", search::size),
        new BayanServer.Gauge("bayan.store.bytes", "Size of the release store file", () -> engine.store.endOffset()),
        new BayanServer.Gauge("bayan.index.backlog.bytes",
            "Store bytes not yet indexed (refresh lag; the follower catches up every 200 ms)",
            () -> Math.max(0, engine.store.endOffset() - engine.derived.appliedOffset())),
        new BayanServer.Gauge("bayan.log.entries", "Entries in the transparency log", () -> engine.log.size()),
        new BayanServer.Gauge("bayan.log.bytes", "Size of the transparency log on disk", () -> folderBytes(engine.layout.logDir())),
        new BayanServer.Gauge("bayan.ingest.quarantined.bytes", "Size of the quarantine of rejected records",
            () -> fileBytes(engine.layout.rejectsFile()))));
    // An OpenSearch cluster keeps its index on its own nodes (its _stats API has the size): no local folder.
    if (engine.index != null) {
      gauges.add(new BayanServer.Gauge("bayan.index.bytes", "Size of the Lucene index on disk",
          () -> folderBytes(engine.layout.indexDir())));
      gauges.add(new BayanServer.Gauge("bayan.index.unhealthy",
          "1 while the index cannot be trusted (a failed writer not yet reopened, damaged files), as /healthz says",
          () -> engine.problem().isPresent() ? 1 : 0));
    }
    return gauges;
  }

  private static double folderBytes(java.nio.file.Path dir) {
    try (var files = java.nio.file.Files.list(dir)) {
      return files.mapToLong(Service::fileBytes).sum();
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  private static long fileBytes(java.nio.file.Path f) {
    try {
      return java.nio.file.Files.isRegularFile(f) ? java.nio.file.Files.size(f) : 0;
    } catch (IOException e) {
      return 0; // deleted between listing and sizing: a merge finished
    }
  }

  /**
   * Polls the agency feeds every {@code periodMs}, starting now, on a thread of its own: a slow feed must not
   * hold up the follower.
   */
  void pollFeeds(FeedPoller poller, long periodMs) {
    ScheduledExecutorService polling = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "bayan-feed-poller");
      t.setDaemon(true);
      return t;
    });
    pollers.add(polling);
    polling.scheduleWithFixedDelay(() -> {
      try {
        for (FeedPoller.FeedResult r : poller.pollAll(null)) {
          if (r.error() != null) LOG.warn("{}", r);
          else LOG.info("{}", r);
        }
      } catch (RuntimeException e) {
        LOG.error("polling the agency feeds failed; will retry", e);
      }
    }, 0, periodMs, TimeUnit.MILLISECONDS);
  }


  /** The HTTP routes this service answers. */
  public java.util.List<BayanServer.Route> routes() {
    return server.routes();
  }


  public int port() {
    return server.port();
  }

  public int statementCount() {
    return search.size();
  }

  @Override
  public void close() {
    // No interrupts while a task may be writing the index: let the current one finish.
    pollers.forEach(ScheduledExecutorService::shutdown);
    follower.shutdown();
    try {
      follower.awaitTermination(30, TimeUnit.SECONDS);
      for (ScheduledExecutorService p : pollers) {
        if (!p.awaitTermination(2, TimeUnit.SECONDS)) p.shutdownNow(); // a poll waiting on a slow feed
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.close();
  }
}
