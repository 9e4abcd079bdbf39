package org.bayan.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bayan.ingest.ReleaseParser;
import org.bayan.store.DataLayout;
import org.bayan.store.ReleaseStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Index the bundled demo releases (demo/) if the store is empty, then serve them.")
final class DemoCommand implements Callable<Integer> {
  @Mixin DataOptions data;
  @Mixin ServeCommand.ServerOptions server;

  @Override
  public Integer call() throws Exception {
    Path demo = Home.resolve("demo");
    boolean empty;
    try (ReleaseStore store = ReleaseStore.open(new DataLayout(data.data()).storeDir())) {
      empty = store.statementCount() == 0;
    }
    if (empty) {
      System.out.println("indexing the demo releases in " + demo);
      IndexCommand.run(data.data(), data.analyzers(), List.of(demo.resolve("releases.jsonl.gz")),
          demo.resolve("agencies.json"), ReleaseParser.DEFAULT_MAX_BODY_CHARS);
    }
    UntilStopped until = new UntilStopped();
    try (Engine engine = Engine.open(data.data(), data.analyzers(), true);
        Service service = Service.start(engine, server.host, server.port, server.options())) {
      System.out.printf("Bayan demo: %,d statements on http://%s:%d/  (try: curl -G localhost:%d/api/search "
          + "--data-urlencode 'q=الحكومه')%n", service.statementCount(), server.host, service.port(), service.port());
      until.await();
    } finally {
      until.closed();
    }
    return 0;
  }
}
