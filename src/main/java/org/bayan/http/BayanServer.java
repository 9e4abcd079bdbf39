package org.bayan.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.json.JavalinJackson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bayan.provenance.PublicLog;
import org.bayan.http.web.PageController;
import org.bayan.ingest.push.ApiKeys;
import org.bayan.ingest.push.PushService;
import org.bayan.search.StatementReader;
import org.bayan.search.claims.ClaimService;
import org.bayan.search.StatementSearch;
import org.bayan.search.Suggester;
import org.bayan.statement.Agency;

/**
 * The HTTP server: routes declared up front, dependencies passed in, started on a given port (0: any). Every
 * route is registered through {@link #get}, which also lists it in {@link #routes()}: the list the OpenAPI
 * document is checked against.
 */
public final class BayanServer implements AutoCloseable {
  /** A registered route: method and Javalin path ({@code /api/statements/{id}}). */
  public record Route(String method, String path) {}

  /**
   * What the API answers from, whichever engine searches. {@code push} is null for a server that takes no
   * pushed releases.
   */
  public record Api(
      StatementSearch search, StatementReader statements, Supplier<List<Agency>> agencies, Suggester suggest,
      ClaimService claims, PublicLog log, Push push, List<Gauge> gauges, Backups backups,
      Supplier<java.util.Optional<String>> health) {
    public Api(StatementSearch search, StatementReader statements, Supplier<List<Agency>> agencies,
        Suggester suggest, ClaimService claims, PublicLog log, Push push) {
      this(search, statements, agencies, suggest, claims, log, push, List.of(), null);
    }

    public Api(StatementSearch search, StatementReader statements, Supplier<List<Agency>> agencies,
        Suggester suggest, ClaimService claims, PublicLog log, Push push, List<Gauge> gauges, Backups backups) {
      this(search, statements, agencies, suggest, claims, log, push, gauges, backups, java.util.Optional::empty);
    }
  }

  /** Snapshots taken on request ({@code POST /api/admin/snapshot}), each in a new folder under {@code root}. */
  public record Backups(org.bayan.backup.Snapshots snapshots, java.nio.file.Path root) {}

  /** A value {@code /metrics} reads at each scrape: name (dotted, e.g. {@code bayan.store.bytes}), help, source. */
  public record Gauge(String name, String help, java.util.function.DoubleSupplier value) {}

  /** The push API's settings. */
  public record Push(PushService service, ApiKeys keys, long maxRequestBytes) {}

  private final Javalin app;
  private final List<Route> routes = new ArrayList<>();

  public BayanServer(Api api, WebSettings web) {
    this(api, web, LimitSettings.NONE);
  }

  public BayanServer(Api api, WebSettings web, LimitSettings limitSettings) {
    ServerMetrics metrics = new ServerMetrics(api.gauges());
    MeteredSearch search = new MeteredSearch(api.search(), metrics);
    Push push = api.push();
    SearchController searchController = new SearchController(search);
    ClaimController claimController = new ClaimController(api.claims(), web);
    StatementController statementController =
        new StatementController(api.statements(), search, api.agencies(), api.log());
    LogController logController = new LogController(api.log());
    FeedController feedController = new FeedController(search, web);
    SuggestController suggestController = new SuggestController(api.suggest());
    OpenApiController openApi = new OpenApiController();
    PageController pages = new PageController(search, api.statements(), api.agencies(), api.claims(), web);
    SecurityHeaders security = new SecurityHeaders(web);
    Access access = new Access(push == null ? null : push.keys());
    Limits limits = new Limits(limitSettings, access::authenticates);
    AccessLog accessLog = new AccessLog();
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson(Json.mapper(), false));
      config.http.defaultContentType = "application/json";
      config.http.prefer405over404 = true;
      // A claim of 5,000 Arabic characters is about 30,000 characters once percent-encoded in a GET URL.
      config.jetty.modifyHttpConfiguration(h -> h.setRequestHeaderSize(64 * 1024));
      config.requestLogger.http((ctx, ms) -> {
        metrics.request(ctx, ms == null ? 0 : ms);
        accessLog.log(ctx, ms);
      });
      config.routes.before(security::apply);
      config.routes.before(limits::apply);
      // Scopes are read from the route the router matched, never from the path as spelled: the router
      // ignores a trailing slash, and a check on the raw path once let an admin key push for any agency.
      config.routes.beforeMatched(access::check);
      config.routes.beforeMatched(limits::applyMatched);
      // Cross-origin GETs with safelisted headers need no preflight; these answer clients that send one
      // anyway, and the JSON POST of claim lookup, which always does. Named paths, not a wildcard, so an
      // unknown /api path stays a 404.
      for (String p : SecurityHeaders.PUBLIC_PATHS) config.routes.options(p, security::preflight);
      get(config, "/healthz", ctx -> {
        // A load balancer takes a server out of rotation on 503: one whose index failed or is damaged.
        java.util.Optional<String> problem = api.health().get();
        if (problem.isPresent()) {
          ErrorMapping.answer(ctx, io.javalin.http.HttpStatus.SERVICE_UNAVAILABLE, "unhealthy", problem.get());
        } else {
          ctx.json(Map.of("status", "ok", "statements", search.size()));
        }
      });
      get(config, "/api/search", searchController::search);
      get(config, "/api/search.atom", feedController::feed);
      get(config, "/api/suggest", suggestController::suggest);
      get(config, "/api/statements/{id}", statementController::statement);
      get(config, "/api/statements/{id}/versions", statementController::versions);
      get(config, "/api/statements/{id}/diff", statementController::diff);
      get(config, "/api/statements/{id}/proof", statementController::proof);
      get(config, "/api/log/checkpoint", logController::checkpoint);
      get(config, "/api/log/key", logController::key);
      get(config, "/api/log/entries", logController::entries);
      get(config, "/api/log/consistency", logController::consistency);
      get(config, "/api/agencies", statementController::agencies);
      get(config, "/api/claims/lookup", claimController::get);
      post(config, "/api/claims/lookup", claimController::post);
      get(config, "/openapi.json", openApi::document);
      if (push != null) {
        config.http.maxRequestSize = push.maxRequestBytes();
        post(config, "/api/admin/releases", new PushController(push.service(), metrics)::releases, Access.Scope.INGEST);
      }
      if (api.backups() != null) {
        post(config, "/api/admin/snapshot", new SnapshotController(api.backups())::take, Access.Scope.ADMIN);
      }
      // Metrics and pages for people, not API endpoints: outside the route table the OpenAPI document is checked against.
      config.routes.get(Access.METRICS_PATH, metrics::scrape, Access.Scope.ADMIN);
      config.routes.get("/", pages::home);
      config.routes.post("/", pages::home);
      config.routes.get("/claim", pages::claim);
      config.routes.post("/claim", pages::claim);
      config.routes.get("/s/{id}", pages::statement);
      config.routes.get("/embed", pages::embed);
      config.routes.get("/embed.js", pages::asset);
      config.routes.get("/static/{name}", pages::asset);
      ErrorMapping.install(config, pages::notFound);
    });
  }

  private void get(JavalinConfig config, String path, Handler handler) {
    if (path.startsWith(Access.ADMIN_PREFIX)) {
      throw new IllegalArgumentException(path + " is an admin route: it must declare the scope a key needs");
    }
    config.routes.get(path, handler);
    routes.add(new Route("GET", path));
  }

  private void post(JavalinConfig config, String path, Handler handler) {
    post(config, path, handler, null);
  }

  /** A POST route; {@code scope} null makes it public, which no route under {@link Access#ADMIN_PREFIX} may be. */
  private void post(JavalinConfig config, String path, Handler handler, Access.Scope scope) {
    if (scope == null && path.startsWith(Access.ADMIN_PREFIX)) {
      throw new IllegalArgumentException(path + " is an admin route: it must declare the scope a key needs");
    }
    if (scope == null) config.routes.post(path, handler);
    else config.routes.post(path, handler, scope);
    routes.add(new Route("POST", path));
  }

  /** Every route this server answers. */
  public List<Route> routes() {
    return List.copyOf(routes);
  }

  public BayanServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
