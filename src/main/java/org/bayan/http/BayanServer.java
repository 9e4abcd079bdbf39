package org.bayan.http;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bayan.provenance.PublicLog;
import org.bayan.search.SearchService;
import org.bayan.search.StatementReader;
import org.bayan.statement.Agency;

/** The HTTP server: routes declared up front, dependencies passed in, started on a given port (0: any). */
public final class BayanServer implements AutoCloseable {
  private final Javalin app;

  public BayanServer(SearchService search, StatementReader statements, Supplier<List<Agency>> agencies,
      PublicLog log) {
    SearchController searchController = new SearchController(search);
    StatementController statementController = new StatementController(statements, search, agencies, log);
    LogController logController = new LogController(log);
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson(Json.mapper(), false));
      config.http.defaultContentType = "application/json";
      config.http.prefer405over404 = true;
      config.routes.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff"));
      config.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok", "statements", search.size())));
      config.routes.get("/api/search", searchController::search);
      config.routes.get("/api/statements/{id}", statementController::statement);
      config.routes.get("/api/statements/{id}/versions", statementController::versions);
      config.routes.get("/api/statements/{id}/diff", statementController::diff);
      config.routes.get("/api/statements/{id}/proof", statementController::proof);
      config.routes.get("/api/log/checkpoint", logController::checkpoint);
      config.routes.get("/api/log/key", logController::key);
      config.routes.get("/api/log/entries", logController::entries);
      config.routes.get("/api/log/consistency", logController::consistency);
      config.routes.get("/api/agencies", statementController::agencies);
      ErrorMapping.install(config);
    });
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
