package org.bayan.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the search API over HTTP, indexing what is added to the store while it runs.")
final class ServeCommand implements Callable<Integer> {
  @Mixin DataOptions data;
  @Mixin ServerOptions server;
  @Mixin FetchOptions fetch;

  @Option(names = "--poll", paramLabel = "MINUTES", defaultValue = "0",
      description = "Poll the registered agency feeds every MINUTES (0: never). Default: ${DEFAULT-VALUE}.")
  double pollMinutes;

  @Option(names = "--max-request-bytes", defaultValue = "" + Service.DEFAULT_MAX_REQUEST_BYTES,
      description = "Largest pushed batch accepted (larger: 413). Default: ${DEFAULT-VALUE}.")
  long maxRequestBytes;

  @Override
  public Integer call() throws Exception {
    try (Engine engine = Engine.open(data.data(), data.analyzers(), true);
        Service service = Service.start(engine, server.host, server.port, maxRequestBytes)) {
      if (pollMinutes > 0) service.pollFeeds(FetchCommand.poller(engine, fetch), (long) (pollMinutes * 60_000));
      System.out.printf("Bayan serves %,d statements from %s on http://%s:%d/%n",
          service.statementCount(), engine.layout.root(), server.host, service.port());
      new CountDownLatch(1).await(); // until the process is stopped
    }
    return 0;
  }

  static final class ServerOptions {
    @Option(names = "--port", defaultValue = "7070", description = "TCP port (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
        description = "Address to listen on; 0.0.0.0 for every interface. Default: ${DEFAULT-VALUE}.")
    String host;
  }
}
