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
import org.bayan.search.StatementSearch;
import org.bayan.search.StatementReader;
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

  private final Javalin app;
  private final List<Route> routes = new ArrayList<>();

  public BayanServer(StatementSearch search, StatementReader statements, Supplier<List<Agency>> agencies,
      Suggester suggest, PublicLog log) {
    SearchController searchController = new SearchController(search);
    StatementController statementController = new StatementController(statements, search, agencies, log);
    LogController logController = new LogController(log);
    FeedController feedController = new FeedController(search);
    SuggestController suggestController = new SuggestController(suggest);
    OpenApiController openApi = new OpenApiController();
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson(Json.mapper(), false));
      config.http.defaultContentType = "application/json";
      config.http.prefer405over404 = true;
      config.routes.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff"));
      get(config, "/healthz", ctx -> ctx.json(Map.of("status", "ok", "statements", search.size())));
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
      get(config, "/openapi.json", openApi::document);
      ErrorMapping.install(config);
    });
  }

  private void get(JavalinConfig config, String path, Handler handler) {
    config.routes.get(path, handler);
    routes.add(new Route("GET", path));
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
