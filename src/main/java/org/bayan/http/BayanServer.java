package org.bayan.http;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bayan.ingest.push.ApiKeys;
import org.bayan.ingest.push.PushService;
import org.bayan.search.SearchService;
import org.bayan.search.StatementReader;
import org.bayan.statement.Agency;

/** The HTTP server: routes declared up front, dependencies passed in, started on a given port (0: any). */
public final class BayanServer implements AutoCloseable {
  private final Javalin app;

  /** The push API's settings; without them the server only answers searches. */
  public record Push(PushService service, ApiKeys keys, long maxRequestBytes) {}

  public BayanServer(SearchService search, StatementReader statements, Supplier<List<Agency>> agencies) {
    this(search, statements, agencies, null);
  }

  public BayanServer(SearchService search, StatementReader statements, Supplier<List<Agency>> agencies, Push push) {
    SearchController searchController = new SearchController(search);
    StatementController statementController = new StatementController(statements, search, agencies);
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson(Json.mapper(), false));
      config.http.defaultContentType = "application/json";
      config.http.prefer405over404 = true;
      config.routes.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff"));
      config.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok", "statements", search.size())));
      config.routes.get("/api/search", searchController::search);
      config.routes.get("/api/statements/{id}", statementController::statement);
      config.routes.get("/api/agencies", statementController::agencies);
      if (push != null) {
        config.http.maxRequestSize = push.maxRequestBytes();
        config.routes.post("/api/admin/releases", new PushController(push.service(), push.keys())::releases);
      }
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
