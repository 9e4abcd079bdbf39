package org.bayan.http;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bayan.http.web.PageController;
import org.bayan.search.SearchService;
import org.bayan.search.StatementReader;
import org.bayan.statement.Agency;

/** The HTTP server: routes declared up front, dependencies passed in, started on a given port (0: any). */
public final class BayanServer implements AutoCloseable {
  private final Javalin app;

  public BayanServer(SearchService search, StatementReader statements, Supplier<List<Agency>> agencies) {
    this(search, statements, agencies, WebSettings.DEFAULT);
  }

  public BayanServer(
      SearchService search, StatementReader statements, Supplier<List<Agency>> agencies, WebSettings web) {
    SearchController searchController = new SearchController(search);
    PageController pages = new PageController(search, statements, agencies);
    SecurityHeaders security = new SecurityHeaders(web);
    StatementController statementController = new StatementController(statements, search, agencies);
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson(Json.mapper(), false));
      config.http.defaultContentType = "application/json";
      config.http.prefer405over404 = true;
      config.routes.before(security::apply);
      // GETs with safelisted headers need no preflight; these answer clients that send one anyway. Named
      // paths, not a wildcard, so an unknown /api path stays a 404.
      for (String p : List.of("/api/search", "/api/agencies", "/api/statements/{id}", "/embed.js")) {
        config.routes.options(p, security::preflight);
      }
      config.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok", "statements", search.size())));
      config.routes.get("/api/search", searchController::search);
      config.routes.get("/api/statements/{id}", statementController::statement);
      config.routes.get("/api/agencies", statementController::agencies);
      config.routes.get("/", pages::home);
      config.routes.post("/", pages::home);
      config.routes.get("/s/{id}", pages::statement);
      config.routes.get("/embed", pages::embed);
      config.routes.get("/embed.js", pages::asset);
      config.routes.get("/static/{name}", pages::asset);
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
