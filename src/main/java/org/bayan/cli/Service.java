package org.bayan.cli;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bayan.http.BayanServer;
import org.bayan.search.StatementSearch;
import org.bayan.search.StatementReader;
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

  private Service(Engine engine, StatementSearch search, BayanServer server, ScheduledExecutorService follower) {
    this.engine = engine;
    this.search = search;
    this.server = server;
    this.follower = follower;
  }

  /** The log origin when none is configured. */
  public static final String DEFAULT_LOG_ORIGIN = "bayan.local/log";

  public static Service start(Engine engine, String host, int port) throws IOException {
    return start(engine, host, port, DEFAULT_LOG_ORIGIN);
  }

  public static Service start(Engine engine, String host, int port, String logOrigin) throws IOException {
    StatementSearch search = engine.search();
    StatementReader statements = new StatementReader(engine.store, engine.agencies::get);
    Suggester suggest = engine.suggester();
    BayanServer server = new BayanServer(
        search, statements, engine.agencies::all, suggest, engine.publicLog(logOrigin)).start(host, port);
    ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "bayan-follower");
      t.setDaemon(true);
      return t;
    });
    follower.scheduleWithFixedDelay(() -> {
      try {
        engine.agencies.reloadIfChanged();
        engine.sync.catchUp();
      } catch (RuntimeException e) {
        LOG.error("indexing new releases from the store failed; will retry", e);
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
    follower.shutdownNow();
    server.close();
  }
}
