package org.bayan.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small REST client for an OpenSearch cluster. Requests go to one node; when it cannot be reached the next
 * is tried (and kept while it answers), so the loss of a node costs one failed connection, not the service.
 */
public final class OpenSearchClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final List<URI> nodes;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicInteger current = new AtomicInteger();

  public OpenSearchClient(List<String> urls) {
    if (urls == null || urls.isEmpty()) throw new IllegalArgumentException("--opensearch-url: no URL given");
    List<URI> list = new ArrayList<>();
    for (String u : urls) {
      String s = u.trim();
      if (s.isEmpty()) continue;
      URI uri;
      try {
        uri = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--opensearch-url: not a URL: " + s, e);
      }
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException("--opensearch-url: expected http(s)://host:port, got " + s);
      }
      list.add(uri);
    }
    if (list.isEmpty()) throw new IllegalArgumentException("--opensearch-url: no URL given");
    this.nodes = List.copyOf(list);
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  public List<URI> nodes() {
    return nodes;
  }

  public ObjectMapper json() {
    return json;
  }

  /** A JSON request whose answer must be a success; the answer's JSON. */
  public JsonNode call(String method, String path, JsonNode body) {
    Response r = send(method, path, body == null ? null : body.toString(), "application/json");
    if (r.status() >= 300) throw failure(method, path, r);
    return r.json();
  }

  /** A newline-delimited JSON request ({@code _bulk}); the answer's JSON. */
  public JsonNode callNdjson(String path, String ndjson) {
    Response r = send("POST", path, ndjson, "application/x-ndjson");
    if (r.status() >= 300) throw failure("POST", path, r);
    return r.json();
  }

  /** Any request; the status and JSON answer, whatever the status. */
  public Response send(String method, String path, String body, String contentType) {
    IOException last = null;
    int start = current.get();
    for (int i = 0; i < nodes.size(); i++) {
      int n = (start + i) % nodes.size();
      HttpRequest.Builder b = HttpRequest.newBuilder(nodes.get(n).resolve(path)).timeout(REQUEST_TIMEOUT);
      HttpRequest.BodyPublisher pub = body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
      if (body != null) b.header("Content-Type", contentType);
      try {
        HttpResponse<String> r = http.send(b.method(method, pub).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        current.set(n);
        JsonNode j = r.body() == null || r.body().isBlank() ? json.nullNode() : json.readTree(r.body());
        return new Response(r.statusCode(), j);
      } catch (IOException e) {
        last = e; // this node is unreachable (or answered something that is not JSON): try the next
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OpenSearchException("interrupted while calling OpenSearch", 0, e);
      }
    }
    throw new OpenSearchException("no OpenSearch node answered " + method + " " + path + " (tried " + nodes + "): "
        + last, 0, last);
  }

  private static OpenSearchException failure(String method, String path, Response r) {
    JsonNode err = r.json().path("error");
    String reason = err.isTextual() ? err.asText()
        : err.path("root_cause").path(0).path("reason").asText(err.path("reason").asText(r.json().toString()));
    return new OpenSearchException("OpenSearch answered " + r.status() + " to " + method + " " + path + ": " + reason,
        r.status(), null);
  }

  public record Response(int status, JsonNode json) {}
}
