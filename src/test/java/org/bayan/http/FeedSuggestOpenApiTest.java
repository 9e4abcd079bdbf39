package org.bayan.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bayan.testing.SearchCorpus;
import org.bayan.testing.TestServer;
import org.bayan.testing.TestServer.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Atom feeds and the OpenAPI document of a real server (suggestions: the query language contract, on both engines). */
class FeedSuggestOpenApiTest {
  static final String ATOM = "http://www.w3.org/2005/Atom";
  @TempDir static Path tmp;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(SearchCorpus.build(tmp));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static Document parseSafely(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static String child(Element e, String name) {
    NodeList l = e.getElementsByTagNameNS(ATOM, name);
    assertTrue(l.getLength() > 0, "<" + name + "> missing in <" + e.getLocalName() + ">");
    return l.item(0).getTextContent();
  }

  @Test
  void every_search_is_an_atom_feed_newest_first_linking_to_permalinks() throws Exception {
    Response r = server.get("/api/search.atom?q=" + TestServer.enc("health OR الصحة OR campaign") + "&size=20");
    assertEquals(200, r.status(), r.body());
    assertTrue(r.contentType().startsWith("application/atom+xml"), r.contentType());
    Element feed = parseSafely(r.body()).getDocumentElement();
    assertEquals(ATOM, feed.getNamespaceURI());
    assertEquals("feed", feed.getLocalName());
    assertFalse(child(feed, "id").isBlank());
    assertFalse(child(feed, "title").isBlank());
    OffsetDateTime.parse(child(feed, "updated"));
    NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
    assertTrue(entries.getLength() >= 5, r.body());
    List<OffsetDateTime> dates = new ArrayList<>();
    for (int i = 0; i < entries.getLength(); i++) {
      Element e = (Element) entries.item(i);
      String id = child(e, "id");
      assertTrue(id.startsWith(server.base() + "/s/"), id);
      assertFalse(child(e, "title").isBlank());
      dates.add(OffsetDateTime.parse(child(e, "updated")));
      assertFalse(child((Element) e.getElementsByTagNameNS(ATOM, "author").item(0), "name").isBlank());
      boolean alternate = false;
      NodeList links = e.getElementsByTagNameNS(ATOM, "link");
      for (int k = 0; k < links.getLength(); k++) {
        Element l = (Element) links.item(k);
        if (l.getAttribute("rel").equals("alternate")) alternate = l.getAttribute("href").equals(id);
      }
      assertTrue(alternate, "entry " + id + " has a rel=alternate link to its permalink");
    }
    for (int i = 1; i < dates.size(); i++) assertFalse(dates.get(i).isAfter(dates.get(i - 1)), dates.toString());
    // Statement markup arrives as text (escaped HTML inside XML), never as elements.
    assertTrue(r.body().contains("&lt;script&gt;") || r.body().contains("&amp;lt;script&amp;gt;"), r.body());
    assertEquals(0, feed.getElementsByTagName("script").getLength());
  }

  @Test
  void a_feed_with_a_bad_parameter_is_a_400_and_strange_queries_still_parse() throws Exception {
    Response bad = server.get("/api/search.atom?from=someday");
    assertEquals(400, bad.status());
    assertTrue(bad.json().get("detail").asText().contains("'from'"));
    Response odd = server.get("/api/search.atom?q=" + TestServer.enc("\u0001<x>&\"'\u00a0]]>"));
    assertEquals(200, odd.status(), odd.body());
    assertNotNull(parseSafely(odd.body()).getDocumentElement());
  }

  @Test
  void the_openapi_document_describes_every_registered_route() throws Exception {
    Response r = server.get("/openapi.json");
    assertEquals(200, r.status());
    JsonNode doc = r.json();
    assertTrue(doc.get("openapi").asText().startsWith("3."));
    JsonNode paths = doc.get("paths");
    List<BayanServer.Route> routes = server.service.routes();
    assertTrue(routes.size() >= 7, routes.toString());
    for (BayanServer.Route route : routes) {
      JsonNode p = paths.get(route.path());
      assertNotNull(p, "route " + route + " is missing from openapi.json");
      assertNotNull(p.get(route.method().toLowerCase()), "method of " + route + " is missing from openapi.json");
    }
    List<String> searchParams = new ArrayList<>();
    doc.at("/paths/~1api~1search/get/parameters").forEach(p -> searchParams.add(p.get("name").asText()));
    assertTrue(searchParams.containsAll(List.of("q", "agency", "type", "category", "lang", "from", "to", "sort",
        "page", "size", "cursor")), searchParams.toString());
  }
}
