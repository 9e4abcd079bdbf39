package org.bayan.http;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bayan.search.SearchService;
import org.bayan.search.StatementReader;
import org.bayan.search.claims.ClaimService;
import org.bayan.statement.Agency;

/** The HTTP server: routes declared up front, dependencies passed in, started on a given port (0: any). */
public final class BayanServer implements AutoCloseable {
  private final Javalin app;

  public BayanServer(SearchService search, StatementReader statements, Supplier<List<Agency>> agencies,
      ClaimService claims) {
    SearchController searchController = new SearchController(search);
    ClaimController claimController = new ClaimController(claims);
    StatementController statementController = new StatementController(statements, search, agencies);
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson(Json.mapper(), false));
      config.http.defaultContentType = "application/json";
      config.http.prefer405over404 = true;
      // A claim of 5,000 Arabic characters is about 30,000 characters once percent-encoded in a GET URL.
      config.jetty.modifyHttpConfiguration(h -> h.setRequestHeaderSize(64 * 1024));
      config.routes.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff"));
      config.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok", "statements", search.size())));
      config.routes.get("/api/search", searchController::search);
      config.routes.get("/api/statements/{id}", statementController::statement);
      config.routes.get("/api/agencies", statementController::agencies);
      config.routes.get("/api/claims/lookup", claimController::get);
      config.routes.post("/api/claims/lookup", claimController::post);
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
