package org.bayan.cli;

import java.util.concurrent.Callable;
import org.bayan.http.LimitSettings;
import org.bayan.http.WebSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the search API over HTTP, indexing what is added to the store while it runs.")
final class ServeCommand implements Callable<Integer> {
  @Mixin DataOptions data;
  @Mixin EngineOptions engineOptions;
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ServerOptions server;
  @Mixin FetchOptions fetch;

  @Option(names = "--poll", paramLabel = "MINUTES", defaultValue = "0",
      description = "Poll the registered agency feeds every MINUTES (0: never). Default: ${DEFAULT-VALUE}.")
  double pollMinutes;

  @Override
  public Integer call() throws Exception {
    UntilStopped until = new UntilStopped();
    try (Engine engine = Engine.open(data.data(), data.analyzers(), true, engineOptions.backend(spec));
        Service service = Service.start(engine, server.host, server.port, server.options())) {
      if (pollMinutes > 0) service.pollFeeds(FetchCommand.poller(engine, fetch), (long) (pollMinutes * 60_000));
      System.out.printf("Bayan serves %,d statements from %s on http://%s:%d/%n",
          service.statementCount(), engine.layout.root(), server.host, service.port());
      until.await();
    } finally {
      until.closed();
    }
    return 0;
  }

  static final class ServerOptions {
    @Option(names = "--port", defaultValue = "7070", description = "TCP port (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
        description = "Address to listen on; 0.0.0.0 for every interface. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--log-origin", defaultValue = Service.DEFAULT_LOG_ORIGIN, paramLabel = "ORIGIN",
        description = "Name of the transparency log in its signed checkpoints, conventionally a schema-less URL "
            + "of this server (e.g. bayan.example.gov/log). Default: ${DEFAULT-VALUE}.")
    String logOrigin;
    @Option(names = "--cors-origins", defaultValue = "*", paramLabel = "ORIGINS",
        description = "Comma-separated origins (https://news.example) whose pages may call the public API and "
            + "load /embed.js from scripts; * for any. Credentials are never allowed. Default: ${DEFAULT-VALUE}.")
    String corsOrigins;

    @Option(names = "--public-url", paramLabel = "URL",
        description = "Where readers reach this server (https://bayan.example): the base of absolute links in "
            + "feeds and claim citations. Default: the scheme and Host header of each request.")
    String publicUrl;

    @Option(names = "--frame-ancestors", defaultValue = "*", paramLabel = "SOURCES",
        description = "CSP frame-ancestors of the /embed page: which sites may frame it (e.g. \"'self' "
            + "https://news.example\"). Other pages are never framable. Default: ${DEFAULT-VALUE}.")
    String frameAncestors;

    @Option(names = "--max-request-bytes", defaultValue = "" + Service.Options.DEFAULT_MAX_REQUEST_BYTES,
        description = "Largest request body accepted, e.g. a pushed batch (larger: 413). Default: ${DEFAULT-VALUE}.")
    long maxRequestBytes;

    @Option(names = "--rate-limit", defaultValue = "20/s", paramLabel = "N/s",
        description = "Requests per second one client may make to the public endpoints (more: 429 with "
            + "Retry-After); 0 or off for no limit. Default: ${DEFAULT-VALUE}.")
    String rateLimit;

    @Option(names = "--rate-burst", defaultValue = "40", paramLabel = "N",
        description = "Requests a client may make at once after a quiet spell. Default: ${DEFAULT-VALUE}.")
    int rateBurst;

    @Option(names = "--client-ip-header", paramLabel = "NAME",
        description = "Header a trusted reverse proxy sets to the client's address (e.g. X-Forwarded-For; its "
            + "last entry is used). Default: none, the socket's address. Set it only behind such a proxy.")
    String clientIpHeader;

    @Option(names = "--search-budget-ms", defaultValue = "" + Service.Options.DEFAULT_SEARCH_BUDGET_MS,
        paramLabel = "MS", description = "Time one search may take before it answers with the hits found so far "
            + "(marked partial: true). Default: ${DEFAULT-VALUE}.")
    long searchBudgetMs;

    @Option(names = "--snapshot-dir", paramLabel = "DIR",
        description = "Where POST /api/admin/snapshot writes snapshots (default: snapshots in the data folder).")
    java.nio.file.Path snapshotDir;

    Service.Options options() {
      return new Service.Options(logOrigin, new WebSettings(WebSettings.origins(corsOrigins), frameAncestors, publicUrl),
          maxRequestBytes, new LimitSettings(LimitSettings.parseRate(rateLimit), rateBurst, clientIpHeader),
          searchBudgetMs, snapshotDir);
    }
  }
}
