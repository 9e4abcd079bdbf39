package org.bayan.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which URLs lie under an agency's registered page prefixes, however they are spelled. */
class PageRulesTest {
  static final PageRules RULES = new PageRules(List.of("https://www.agency.gov.sa/page"), null, null, null);

  /** Spellings of a URL that name the same resource as {@code https://www.agency.gov.sa<path>}. */
  static List<String> spellings(String path) {
    String rest = path.substring(1);
    List<String> out = new ArrayList<>(List.of(
        "https://www.agency.gov.sa" + path, "HTTPS://WWW.Agency.GOV.sa" + path, "https://www.agency.gov.sa:443" + path,
        "https://www.agency.gov.sa." + path, "https://www.agency.gov.sa/./" + rest,
        "https://www.agency.gov.sa/x/../" + rest, "https://www.agency.gov.sa/%2e/" + rest,
        "https://www.agency.gov.sa/" + rest.replace("p", "%70"), "https://www.agency.gov.sa/" + rest.replace("a", "%61"),
        "https://www.agency.gov.sa" + path + "#fragment"));
    return out;
  }

  @Test
  void every_spelling_of_a_url_under_the_prefix_is_allowed_and_normalizes_to_one_form() {
    for (String path : List.of("/page", "/page/", "/page/1", "/page/a/b.html", "/page/2024/05/statement")) {
      String canonical = PageRules.normalize("https://www.agency.gov.sa" + path);
      for (String s : spellings(path)) {
        assertTrue(RULES.allows(s), s);
        assertEquals(canonical, RULES.admit(s).orElseThrow(), s);
      }
    }
  }

  @Test
  void every_spelling_of_a_url_outside_the_prefix_is_refused() {
    for (String path : List.of("/pagefoo", "/pagefoo/1", "/huge", "/pag", "/Page/1", "/", "/other/page/1")) {
      for (String s : spellings(path)) assertFalse(RULES.allows(s), s);
    }
    // Dot segments, plain or encoded, that climb out of the prefix.
    for (String s : List.of("/pagefoo/../../huge", "/page/../huge", "/page/%2e%2e/huge", "/page/%2E%2E/huge",
        "/page/.%2e/huge", "/page/1/../../huge", "/page/..", "/page/./../huge", "/page;/../huge")) {
      assertFalse(RULES.allows("https://www.agency.gov.sa" + s), s);
    }
    // An encoded slash or backslash, which servers decode differently; another port, scheme or host; user info.
    for (String s : List.of("https://www.agency.gov.sa/page/..%2Fhuge", "https://www.agency.gov.sa/page/..%5chuge",
        "https://www.agency.gov.sa/page%2F1", "https://www.agency.gov.sa:8443/page/1", "http://www.agency.gov.sa/page/1",
        "https://agency.gov.sa/page/1", "https://www.agency.gov.sa@evil.example/page/1",
        "https://x@www.agency.gov.sa/page/1", "https://www.agency.gov.sa.evil.example/page/1", "/page/1",
        "ftp://www.agency.gov.sa/page/1", "https://www.agency.gov.sa/page/%zz", "not a url")) {
      assertFalse(RULES.allows(s), s);
    }
  }

  @Test
  void prefixes_are_normalized_too_and_non_ascii_paths_match_their_encoded_form() {
    PageRules r = new PageRules(List.of("HTTP://Agency.gov.sa:80/news/./ar/", "https://agency.gov.sa/أخبار"), null, null, null);
    assertTrue(r.allows("http://agency.gov.sa/news/ar/1"));
    assertTrue(r.allows("http://agency.gov.sa/news/ar"));
    assertFalse(r.allows("http://agency.gov.sa/news/arabic"));
    assertTrue(r.allows("https://agency.gov.sa/أخبار/1"));
    assertTrue(r.allows("https://agency.gov.sa/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/1"));
    assertTrue(r.allows("https://agency.gov.sa/%d8%a3%d8%ae%d8%a8%d8%a7%d8%b1/1"));
    assertFalse(r.allows("https://agency.gov.sa/أخبارx/1"));
    assertEquals("https://agency.gov.sa/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/1",
        r.admit("https://agency.gov.sa/أخبار/./1").orElseThrow());
    // The whole site, registered as its root.
    assertTrue(new PageRules(List.of("https://agency.gov.sa/"), null, null, null).allows("https://AGENCY.gov.sa/a/../b"));
  }

  @Test
  void a_url_that_is_no_page_url_is_refused_with_its_reason() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PageRules.normalize("https://a@b.sa/x"))
        .getMessage().contains("user information"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PageRules.normalize("https://b.sa/a%2Fb"))
        .getMessage().contains("encoded"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PageRules.normalize("file:///etc/passwd"))
        .getMessage().contains("http"));
  }
}
