package org.bayan.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.bayan.cli.Service;
import org.bayan.testing.SearchCorpus;
import org.bayan.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Absolute links that readers keep (feed entries, claim citations, page permalinks) use {@code --public-url}
 * when it is set, whatever Host header a request (or a proxy in front) sends.
 */
class PublicUrlTest {
  @TempDir Path tmp;

  @Test
  void feeds_and_citations_link_to_the_configured_public_url() throws Exception {
    WebSettings web = new WebSettings(List.of("*"), "*", "https://bayan.example/news/");
    try (TestServer server = TestServer.start(SearchCorpus.build(tmp),
        new Service.Options("bayan.test/log", web, Service.Options.DEFAULT_MAX_REQUEST_BYTES))) {
      // Whatever Host the request names: the links are the public URL's.
      String feed = rawGet(server, "/api/search.atom?q=" + TestServer.enc("الصحة"), "evil.example");
      assertTrue(feed.startsWith("HTTP/1.1 200"), feed);
      assertTrue(feed.contains("https://bayan.example/news/s/spa-1"), feed);
      assertFalse(feed.contains("evil.example"), feed);

      JsonNode claims = server.get("/api/claims/lookup?text=" + TestServer.enc("وزارة الصحة تنفي انتشار الوباء")).json();
      String permalink = claims.path("hits").path(0).path("permalink").asText();
      assertTrue(permalink.startsWith("https://bayan.example/news/s/"), claims.toString());
    }
  }

  @Test
  void a_public_url_that_is_not_an_http_url_is_refused_naming_the_option() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new WebSettings(List.of("*"), "*", "javascript:alert(1)"));
    assertTrue(e.getMessage().contains("--public-url"), e.getMessage());
  }

  /** A request with a Host header of our choosing (the JDK's client does not let one set it). */
  private static String rawGet(TestServer server, String path, String host) throws Exception {
    int port = Integer.parseInt(server.base().replaceFirst(".*:", ""));
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      OutputStream out = s.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
