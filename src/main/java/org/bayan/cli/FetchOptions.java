package org.bayan.cli;

import java.time.Duration;
import org.bayan.ingest.fetch.FetchSettings;
import picocli.CommandLine.Option;

/** Options of every command that fetches agency URLs. */
final class FetchOptions {
  @Option(names = "--allow-private-addresses",
      description = "Also fetch from loopback, private and link-local addresses (refused by default).")
  boolean allowPrivate;

  @Option(names = "--connect-timeout", defaultValue = "10", paramLabel = "SECONDS",
      description = "Connect timeout. Default: ${DEFAULT-VALUE}.")
  int connectTimeout;

  @Option(names = "--read-timeout", defaultValue = "30", paramLabel = "SECONDS",
      description = "Time allowed for a whole answer. Default: ${DEFAULT-VALUE}.")
  int readTimeout;

  @Option(names = "--host-delay", defaultValue = "1000", paramLabel = "MS",
      description = "Least time between two requests to one host. Default: ${DEFAULT-VALUE}.")
  int hostDelayMs;

  FetchSettings settings() {
    return FetchSettings.defaults().withAllowPrivateAddresses(allowPrivate)
        .withTimeouts(Duration.ofSeconds(connectTimeout), Duration.ofSeconds(readTimeout))
        .withPerHostDelay(Duration.ofMillis(hostDelayMs));
  }
}
