package org.bayan.ingest.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.io.ByteArrayOutputStream;

/** Fetches agency URLs under {@link FetchSettings}. Thread-safe. */
public final class Fetcher {
  private static final int MAX_REDIRECTS = 5;
  private final FetchSettings settings;
  private final HttpClient client;
  private final Map<String, Long> lastRequest = new ConcurrentHashMap<>();

  public Fetcher(FetchSettings settings) {
    this.settings = settings;
    this.client = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER) // each hop's address is checked before it is followed
        .build();
  }

  /**
   * Decides each URL a fetch requests, the first and every redirect hop: returns the URL to request (a
   * normalized form, say), or throws saying why it may not be fetched.
   */
  @FunctionalInterface
  public interface Scope {
    String admit(String url) throws FetchException;
  }

  /** GETs {@code url}, conditionally when {@code etag} or {@code lastModified} is given. */
  public Fetched get(String url, String etag, String lastModified) throws FetchException {
    return get(url, etag, lastModified, u -> u);
  }

  /** As {@link #get(String, String, String)}, requesting only URLs {@code scope} admits, redirects included. */
  public Fetched get(String url, String etag, String lastModified, Scope scope) throws FetchException {
    String current = scope.admit(url);
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      URI uri = checkUrl(current);
      checkAddress(uri);
      pace(uri.getHost());
      HttpRequest.Builder req = HttpRequest.newBuilder(uri).GET().timeout(settings.readTimeout())
          .header("User-Agent", "Bayan/1 (+official statement search)")
          .header("Accept", "application/rss+xml, application/atom+xml, application/xml, text/xml, text/html;q=0.9, */*;q=0.5");
      if (etag != null) req.header("If-None-Match", etag);
      if (lastModified != null) req.header("If-Modified-Since", lastModified);
      HttpResponse<byte[]> res = send(req.build(), current);
      int status = res.statusCode();
      if (status == 304) return new Fetched(current, true, new byte[0], null, etag, lastModified);
      if (status >= 300 && status < 400) {
        String loc = res.headers().firstValue("Location").orElseThrow(
            () -> new FetchException(url + ": redirect " + status + " without a Location"));
        try {
          current = scope.admit(uri.resolve(loc).toString());
        } catch (IllegalArgumentException e) {
          throw new FetchException(current + ": redirect " + status + " to an invalid Location: " + e.getMessage());
        }
        continue;
      }
      if (status != 200) throw new FetchException(current + ": the server answered HTTP " + status);
      return new Fetched(current, false, res.body(), res.headers().firstValue("Content-Type").orElse(null),
          res.headers().firstValue("ETag").orElse(null), res.headers().firstValue("Last-Modified").orElse(null));
    }
    throw new FetchException(url + ": more than " + MAX_REDIRECTS + " redirects");
  }

  private HttpResponse<byte[]> send(HttpRequest req, String url) throws FetchException {
    var future = client.sendAsync(req, info -> new Limited(settings.maxBytes(), url));
    try {
      // The request timeout covers the headers only; this deadline also covers a body that trickles or hangs.
      return future.get(settings.readTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new FetchException(url + ": no complete answer within " + settings.readTimeout().toSeconds() + " s (timeout)");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new FetchException(url + ": interrupted");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof FetchException f) throw f;
      if (c instanceof java.net.http.HttpTimeoutException) {
        throw new FetchException(url + ": no answer within the timeout (" + c.getMessage() + ")", c);
      }
      if (c != null && c.getCause() instanceof FetchException f) throw f;
      throw new FetchException(url + ": " + (c == null ? e : c).getClass().getSimpleName() + ": " + (c == null ? e : c).getMessage(), c);
    }
  }

  private static URI checkUrl(String url) throws FetchException {
    try {
      URI u = new URI(url);
      String s = u.getScheme();
      if (s == null || !(s.equalsIgnoreCase("http") || s.equalsIgnoreCase("https")) || u.getHost() == null) {
        throw new FetchException(url + ": only absolute http(s) URLs are fetched");
      }
      return u;
    } catch (java.net.URISyntaxException e) {
      throw new FetchException(url + ": not a valid URL: " + e.getMessage());
    }
  }

  /** Refuses hosts that resolve to loopback, private, link-local, multicast or unspecified addresses. */
  void checkAddress(URI uri) throws FetchException {
    if (settings.allowPrivateAddresses()) return;
    InetAddress[] all;
    try {
      all = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      throw new FetchException(uri + ": unknown host " + uri.getHost());
    }
    for (InetAddress a : all) {
      if (isPrivate(a)) {
        throw new FetchException(uri + ": refused: " + uri.getHost() + " resolves to the non-public address "
            + a.getHostAddress() + " (setting --allow-private-addresses)");
      }
    }
  }

  static boolean isPrivate(InetAddress a) {
    if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
        || a.isMulticastAddress()) return true;
    byte[] b = a.getAddress();
    if (b.length == 4) {
      int x = b[0] & 0xff;
      int y = b[1] & 0xff;
      return x == 0 || (x == 100 && y >= 64 && y < 128) || (x == 169 && y == 254) || (x == 198 && (y == 18 || y == 19));
    }
    if ((b[0] & 0xfe) == 0xfc) return true; // IPv6 unique local fc00::/7
    // IPv6 forms that carry an IPv4 address a gateway may forward to: NAT64 64:ff9b::/96 and 6to4 2002::/16.
    boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
        && java.util.Arrays.equals(b, 4, 12, new byte[8], 0, 8);
    if (nat64) return isPrivate(v4(b, 12));
    if (b[0] == 0x20 && b[1] == 0x02) return isPrivate(v4(b, 2));
    return false;
  }

  private static InetAddress v4(byte[] b, int from) {
    try {
      return InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, from, from + 4));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an IPv4 address", e);
    }
  }

  // Waits so that two requests to one host are at least perHostDelay apart.
  private void pace(String host) {
    long delay = settings.perHostDelay().toNanos();
    if (delay <= 0) return;
    while (true) {
      long now = System.nanoTime();
      Long last = lastRequest.get(host);
      long wait = last == null ? 0 : last + delay - now;
      if (wait <= 0) {
        lastRequest.put(host, now);
        return;
      }
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Collects a body up to a size cap, failing as soon as it is exceeded. */
  private static final class Limited implements HttpResponse.BodySubscriber<byte[]> {
    private final long max;
    private final String url;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final java.util.concurrent.CompletableFuture<byte[]> result = new java.util.concurrent.CompletableFuture<>();
    private Flow.Subscription subscription;

    Limited(long max, String url) {
      this.max = max;
      this.url = url;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer b : items) {
        if (out.size() + b.remaining() > max) {
          subscription.cancel();
          result.completeExceptionally(new FetchException(url + ": the answer is larger than " + max + " bytes"));
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        out.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(out.toByteArray());
    }
  }
}
