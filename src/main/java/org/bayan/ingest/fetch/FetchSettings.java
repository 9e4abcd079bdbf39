package org.bayan.ingest.fetch;

import java.time.Duration;

/**
 * How agency URLs are fetched.
 *
 * @param connectTimeout time to open a connection
 * @param readTimeout time for the whole answer, headers and body: a server that trickles or hangs is cut off
 * @param maxBytes largest answer read; larger ones are refused
 * @param perHostDelay least time between two requests to one host, to be a polite client
 * @param allowPrivateAddresses fetch from loopback, private and link-local addresses (tests, intranets)
 */
public record FetchSettings(
    Duration connectTimeout, Duration readTimeout, long maxBytes, Duration perHostDelay, boolean allowPrivateAddresses) {

  public static FetchSettings defaults() {
    return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 20L << 20, Duration.ofSeconds(1), false);
  }

  public FetchSettings withAllowPrivateAddresses(boolean allow) {
    return new FetchSettings(connectTimeout, readTimeout, maxBytes, perHostDelay, allow);
  }

  public FetchSettings withTimeouts(Duration connect, Duration read) {
    return new FetchSettings(connect, read, maxBytes, perHostDelay, allowPrivateAddresses);
  }

  public FetchSettings withPerHostDelay(Duration delay) {
    return new FetchSettings(connectTimeout, readTimeout, maxBytes, delay, allowPrivateAddresses);
  }
}
