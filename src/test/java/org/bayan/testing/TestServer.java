package org.bayan.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.bayan.cli.Engine;
import org.bayan.cli.SearchBackend;
import org.bayan.cli.Service;

/** A real Bayan server on a random loopback port over a real data folder, with a small HTTP client. */
public final class TestServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  public final Engine engine;
  public final Service service;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestServer(Engine engine, Service service) {
    this.engine = engine;
    this.service = service;
  }

  public static TestServer start(Path data) throws IOException {
    return start(data, SearchBackend.LUCENE);
  }

  public static TestServer start(Path data, SearchBackend backend) throws IOException {
    Engine engine = Engine.open(data, Fixtures.analyzers(), true, backend);
    return new TestServer(engine, Service.start(engine, "127.0.0.1", 0));
  }

  public static TestServer start(Path data, Service.Options options) throws IOException {
    Engine engine = Engine.open(data, Fixtures.analyzers(), true);
    return new TestServer(engine, Service.start(engine, "127.0.0.1", 0, options));
  }

  /** A server over an engine the caller opened (on a disk that fills up, say); closing it closes the engine. */
  public static TestServer start(Engine engine) throws IOException {
    return new TestServer(engine, Service.start(engine, "127.0.0.1", 0));
  }

  public String base() {
    return "http://127.0.0.1:" + service.port();
  }

  public Response get(String pathAndQuery) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET().build());
  }

  public Response send(HttpRequest req) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Response(r.statusCode(), r.body(), r.headers().firstValue("content-type").orElse(""));
  }

  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    service.close();
    engine.close();
  }

  public record Response(int status, String body, String contentType) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (status " + status + "): " + body, e);
      }
    }
  }
}
