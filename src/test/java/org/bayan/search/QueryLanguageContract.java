package org.bayan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.bayan.cli.SearchBackend;
import org.bayan.testing.SearchCorpus;
import org.bayan.testing.TestServer;
import org.bayan.testing.TestServer.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query language, filters, facets, order, paging and highlighting, over HTTP on a real server: what every
 * engine must answer alike ({@link QueryLanguageApiTest}: embedded; {@link OpenSearchQueryLanguageApiTest}).
 */
abstract class QueryLanguageContract {
  @TempDir static Path tmp;
  static TestServer server;

  static void startWith(SearchBackend backend) throws Exception {
    server = TestServer.start(SearchCorpus.build(tmp, backend), backend);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static JsonNode search(String params) throws Exception {
    Response r = server.get("/api/search?" + params);
    assertEquals(200, r.status(), params + " → " + r.body());
    return r.json();
  }

  static JsonNode q(String query) throws Exception {
    return search("size=100&q=" + TestServer.enc(query));
  }

  static List<String> ids(JsonNode j) {
    List<String> out = new ArrayList<>();
    for (JsonNode h : j.get("hits")) out.add(h.get("id").asText());
    return out;
  }

  static void assertError(Response r, String param) {
    assertEquals(400, r.status(), r.body());
    assertTrue(r.json().get("detail").asText().contains("'" + param + "'"), r.body());
  }

  @Test
  void statements_holding_all_the_words_rank_above_those_holding_some() throws Exception {
    List<String> got = ids(q("health vaccination"));
    // moh-en-1 and moh-en-2 hold both words; moh-en-3 only "health".
    assertTrue(got.indexOf("moh-en-3") > got.indexOf("moh-en-1"), got.toString());
    assertTrue(got.indexOf("moh-en-3") > got.indexOf("moh-en-2"), got.toString());
    assertTrue(got.contains("moh-en-3"), "statements with some of the words still match: " + got);
    List<String> ar = ids(q("تنفي الداخلية"));
    assertEquals("moi-1", ar.getFirst(), ar.toString());
    assertTrue(ar.contains("spa-1"), ar.toString());
  }

  @Test
  void a_quoted_phrase_matches_across_diacritics_and_hamza_but_not_across_stems() throws Exception {
    assertEquals(List.of("moh-en-1"), ids(q("\"national vaccination campaign\"")));
    assertEquals(List.of(), ids(q("\"national vaccinations campaign\"")), "another form of the word");
    assertTrue(ids(q("national vaccinations campaign")).contains("moh-en-1"), "without quotes it stems");
    // The text has diacritics and tanween: مُؤْتَمَراً صَحَفِيّاً
    assertEquals(List.of("spa-3"), ids(q("\"مؤتمرا صحفيا\"")));
    // Taa marbuta written as haa, and a bare alef for the hamza: still the same words.
    assertEquals(List.of("spa-1"), ids(q("\"وزاره الصحه تنفي\"")));
    assertEquals(List.of("spa-2"), ids(q("\"ضد الانفلونزا\"")));
    // Another form of the word (plural of "campaign") is not the phrase.
    assertEquals(List.of(), ids(q("\"حملات تطعيم\"")));
  }

  @Test
  void excluded_words_phrases_and_filters_leave_statements_out() throws Exception {
    List<String> got = ids(q("vaccination -denies"));
    assertTrue(got.contains("moh-en-1") && !got.contains("moh-en-2"), got.toString());
    assertFalse(ids(q("تنفي -\"وزارة الصحة\"")).contains("spa-1"));
    List<String> denials = ids(q("type:denial -agency:spa"));
    assertEquals(Set.of("moi-1", "moh-en-2"), new HashSet<>(denials));
  }

  @Test
  void or_takes_either_side() throws Exception {
    assertEquals(Set.of("moh-en-1", "moh-en-2"), new HashSet<>(ids(q("influenza OR closures"))));
    assertEquals(Set.of("spa-2", "spa-3"), new HashSet<>(ids(q("تطعيم OR \"مؤتمرا صحفيا\""))));
  }

  @Test
  void a_prefix_completes_words_normalized_and_unstemmed() throws Exception {
    assertEquals(Set.of("moh-en-1", "moh-en-2"), new HashSet<>(ids(q("vacc*"))));
    assertEquals(List.of("moi-1"), ids(q("الداخ*")));
    assertEquals(Set.of("spa-2"), new HashSet<>(ids(q("الانفل*"))), "hamza form folded");
    // Without the article: the prefix reaches the stem of الداخلية (داخل), as حكوم* reaches الحكومة.
    assertEquals(List.of("moi-1"), ids(q("داخ*")));
    // One letter is too short to expand: searched as written, not an error.
    assertEquals(200, server.get("/api/search?q=" + TestServer.enc("v*")).status());
  }

  @Test
  void field_filters_in_the_query() throws Exception {
    assertEquals(List.of("spa-1"), ids(q("agency:spa تنفي")));
    assertEquals(Set.of("spa-1", "moi-1", "moh-en-2"), new HashSet<>(ids(q("type:denial"))));
    assertEquals(List.of("moh-en-2"), ids(q("lang:en type:denial")));
    assertEquals(Set.of("spa-3"), new HashSet<>(ids(q("category:education"))));
    assertEquals(Set.of("spa-1", "spa-2", "spa-3", "moi-1"), new HashSet<>(ids(q("agency:spa OR lang:ar"))));
    // An unknown name is text, not an error.
    assertEquals(200, server.get("/api/search?q=" + TestServer.enc("nosuch:thing")).status());
  }

  @Test
  void filters_as_parameters_are_repeatable() throws Exception {
    assertEquals(Set.of("spa-1", "moi-1", "moh-en-2", "moh-en-1", "moh-en-3", "moh-en-4"),
        new HashSet<>(ids(search("size=100&type=denial&type=statement"))));
    assertEquals(Set.of("spa-3"), new HashSet<>(ids(search("category=education"))));
    assertEquals(SearchCorpus.STATEMENTS, search("lang=ar&lang=en").get("total").asInt());
    assertEquals(4, search("lang=ar").get("total").asInt());
    assertEquals(List.of("moh-en-2"), ids(search("q=ministry&agency=moh&type=denial&from=2023-01-01&to=2023-12-31")));
  }

  @Test
  void facets_count_agency_type_language_and_year_of_the_whole_result() throws Exception {
    JsonNode f = q("health").get("facets");
    JsonNode moh = f.get("agency").get(0);
    assertEquals("moh", moh.get("value").asText());
    assertEquals(3, moh.get("count").asInt());
    assertEquals("Ministry of moh", moh.get("name_en").asText());
    assertEquals("وزارة moh", moh.get("name_ar").asText());
    assertEquals(3, count(f.get("language"), "en"));
    assertEquals(0, count(f.get("language"), "ar"));
    assertEquals(2, count(f.get("type"), "statement"));
    assertEquals(1, count(f.get("year"), "2024"));
    assertEquals("2024", f.get("year").get(0).get("value").asText(), "years newest first");
    JsonNode all = search("size=1").get("facets");
    assertEquals(SearchCorpus.NOTICES, count(all.get("type"), "notice"));
    assertEquals(4, count(all.get("language"), "ar"));
  }

  private static int count(JsonNode values, String value) {
    for (JsonNode v : values) if (v.get("value").asText().equals(value)) return v.get("count").asInt();
    return 0;
  }

  @Test
  void sorting_newest_oldest_and_by_relevance() throws Exception {
    List<String> newest = ids(search("q=health&sort=newest&size=100"));
    List<String> oldest = ids(search("q=health&sort=oldest&size=100"));
    assertEquals(newest, oldest.reversed());
    assertEquals("moh-en-1", newest.getFirst());
    assertEquals("relevance", search("q=health").get("sort").asText());
    assertEquals("newest", search("").get("sort").asText());
    assertError(server.get("/api/search?q=x&sort=popular"), "sort");
  }

  @Test
  void a_cursor_walks_a_result_set_to_the_end_in_each_order() throws Exception {
    // Browsing, by date, by relevance (many equal scores), and a query of filters only (browsed newest first).
    for (String base : List.of("size=4", "size=3&sort=oldest", "size=5&q=" + TestServer.enc("routine notice road"),
        "size=4&q=" + TestServer.enc("lang:en"))) {
      JsonNode page = search(base);
      long total = page.get("total").asLong();
      List<String> seen = new ArrayList<>(ids(page));
      int pages = 1;
      while (page.hasNonNull("next_cursor")) {
        page = search(base + "&cursor=" + page.get("next_cursor").asText());
        seen.addAll(ids(page));
        assertTrue(++pages < 50, "the walk ends");
      }
      assertEquals(total, seen.size(), base + ": " + seen);
      assertEquals(seen.size(), new HashSet<>(seen).size(), "no statement twice: " + seen);
    }
    List<String> byPages = new ArrayList<>();
    for (int p = 1; p <= 3; p++) byPages.addAll(ids(search("size=4&sort=oldest&page=" + p)));
    JsonNode first = search("size=4&sort=oldest");
    List<String> byCursor = new ArrayList<>(ids(first));
    JsonNode second = search("size=4&sort=oldest&cursor=" + first.get("next_cursor").asText());
    byCursor.addAll(ids(second));
    byCursor.addAll(ids(search("size=4&sort=oldest&cursor=" + second.get("next_cursor").asText())));
    assertEquals(byPages, byCursor);
  }

  @Test
  void a_garbled_forged_or_foreign_cursor_is_a_400() throws Exception {
    String c = search("size=2&q=routine").get("next_cursor").asText();
    String flipped = (c.charAt(3) == 'A' ? "B" : "A");
    assertError(server.get("/api/search?size=2&q=routine&cursor=" + c.substring(0, 3) + flipped + c.substring(4)),
        "cursor");
    assertError(server.get("/api/search?size=2&q=routine&cursor=" + c.substring(0, c.length() - 2)), "cursor");
    assertError(server.get("/api/search?size=2&q=routine&cursor=%25%25not-base64"), "cursor");
    assertError(server.get("/api/search?size=2&q=health&cursor=" + c), "cursor");
    assertError(server.get("/api/search?size=2&q=routine&sort=newest&cursor=" + c), "cursor");
    assertError(server.get("/api/search?size=2&q=routine&page=2&cursor=" + c), "page");
  }

  @Test
  void a_cursor_made_by_the_other_engine_is_a_400_naming_it() throws Exception {
    // Each engine breaks ties its own way (document number, statement id): a server moved to the other
    // engine mid-walk refuses the cursor rather than resuming at the wrong place.
    SearchRequest req = SearchRequest.parse(Map.of("q", List.of("routine"), "size", List.of("2")));
    Cursor other = server.engine.index != null
        ? Cursor.afterKey(req.effectiveSort(), Float.floatToIntBits(1f), "notice-3")
        : Cursor.afterDoc(req.effectiveSort(), Float.floatToIntBits(1f), 3);
    Response r = server.get("/api/search?size=2&q=routine&cursor=" + other.encode(req.fingerprint()));
    assertError(r, "cursor");
    assertTrue(r.json().get("detail").asText().contains("another engine"), r.body());
  }

  @Test
  void paging_limits_name_the_parameter() throws Exception {
    assertError(server.get("/api/search?size=101"), "size");
    assertError(server.get("/api/search?size=100&page=101"), "page");
    assertEquals(200, server.get("/api/search?size=100&page=100").status());
  }

  @Test
  void highlights_mark_stemmed_normalized_phrase_and_prefix_matches_at_their_place() throws Exception {
    JsonNode hit = q("vaccinations").get("hits").get(0);
    assertTrue(hit.get("title").asText().contains("<mark>vaccination</mark>"), hit.toString());
    JsonNode ar = q("الانفلونزا").get("hits").get(0);
    assertTrue(ar.get("snippet").asText().contains("<mark>الإنفلونزا</mark>"), ar.toString());
    JsonNode phrase = q("\"مؤتمرا صحفيا\"").get("hits").get(0);
    assertTrue(phrase.get("snippet").asText().contains("<mark>مُؤْتَمَراً صَحَفِيّاً</mark>"),
        phrase.toString());
    JsonNode prefix = q("الداخ*").get("hits").get(0);
    assertTrue(prefix.get("title").asText().contains("<mark>الداخلية</mark>"), prefix.toString());
    JsonNode markup = q("campaign note").get("hits");
    String shown = markup.toString();
    assertFalse(shown.contains("<script") || shown.contains("<b>"), shown);
    assertTrue(shown.contains("&lt;script&gt;"), shown);
  }

  @Test
  void did_you_mean_offers_a_corrected_query_from_the_index_vocabulary() throws Exception {
    JsonNode j = q("vacination");
    assertEquals("vaccination", j.get("did_you_mean").asText(), j.toString());
    JsonNode ar = q("الداخلبة agency:moi");
    assertTrue(ar.hasNonNull("did_you_mean"), ar.toString());
    assertTrue(ar.get("did_you_mean").asText().endsWith("agency:moi"), ar.toString());
    assertTrue(q(ar.get("did_you_mean").asText()).get("total").asInt() > 0);
    assertFalse(q("vaccination").has("did_you_mean"), "a query that finds enough gets no suggestion");
  }

  @Test
  void suggestions_complete_titles_and_agency_names_normalized() throws Exception {
    JsonNode s = server.get("/api/suggest?q=" + TestServer.enc("الداخ")).json().get("suggestions");
    assertEquals("وزارة الداخلية تنفي إغلاق الطرق", s.get(0).get("text").asText(), s.toString());
    assertEquals("title", s.get(0).get("kind").asText());
    assertEquals("moi-1", s.get(0).get("id").asText());
    // Infix, hamza and taa marbuta folded: "اغلاق الطرق" finds "إغلاق الطرق" in the middle of the title.
    JsonNode infix = server.get("/api/suggest?q=" + TestServer.enc("اغلاق الطر")).json().get("suggestions");
    assertEquals("moi-1", infix.get(0).get("id").asText(), infix.toString());
    JsonNode agencies = server.get("/api/suggest?q=" + TestServer.enc("ministry of mo")).json().get("suggestions");
    List<String> kinds = new ArrayList<>();
    for (JsonNode a : agencies) if (a.get("kind").asText().equals("agency")) kinds.add(a.get("id").asText());
    assertEquals(List.of("moi", "moh"), kinds.stream().sorted().toList().reversed(), agencies.toString());
    JsonNode ar = server.get("/api/suggest?q=" + TestServer.enc("وزاره sp")).json().get("suggestions");
    assertEquals("spa", ar.get(0).get("id").asText(), ar.toString());
    JsonNode en = server.get("/api/suggest?q=" + TestServer.enc("vacc")).json().get("suggestions");
    assertEquals("moh-en-1", en.get(0).get("id").asText(), en.toString());
    assertEquals("en", en.get(0).get("language").asText(), en.toString());
    JsonNode three = server.get("/api/suggest?size=3&q=" + TestServer.enc("routine road no")).json().get("suggestions");
    assertEquals(3, three.size(), three.toString());
    for (JsonNode t : three) assertTrue(t.get("text").asText().startsWith("Routine road notice"), three.toString());
    assertEquals(0, server.get("/api/suggest?q=").json().get("suggestions").size());
    assertEquals(0, server.get("/api/suggest?q=" + TestServer.enc("zzzqqq")).json().get("suggestions").size());
    assertEquals(400, server.get("/api/suggest?q=a&size=0").status());
    assertEquals(200, server.get("/api/suggest?q=" + TestServer.enc("\"*-:")).status());
  }

  @Test
  void random_input_is_searched_never_a_500() throws Exception {
    String[] parts = {"\"", "-", "*", ":", "OR", "or", " ", "  ", "(", ")", "agency:", "type:", "\\", "~", "^",
        "وزارة", "الصحة", "health", "ـ", "ً", "أ", "a", "ab", "[", "]", "{", "}", "/", "&&", "||", "!", "?",
        "\u0000", "\uD83D\uDE00", "1", "٢٠٢٤", "\t", "'", "%", "+"};
    Random rnd = new Random(20260526L);
    StatementSearch service = server.engine.search();
    // A cluster search is a network round trip: fewer of them, the same seed.
    int rounds = server.engine.index != null ? 2000 : 400;
    for (int i = 0; i < rounds; i++) {
      StringBuilder s = new StringBuilder();
      for (int k = rnd.nextInt(8); k >= 0; k--) s.append(parts[rnd.nextInt(parts.length)]);
      String query = s.toString();
      try {
        service.search(SearchRequest.of(query, 5));
      } catch (RuntimeException e) {
        throw new AssertionError("query [" + query + "] failed", e);
      }
      if (i % 40 == 0) {
        Response r = server.get("/api/search?q=" + TestServer.enc(query));
        assertNotEquals(500, r.status(), query);
        assertEquals(200, r.status(), query + " → " + r.body());
      }
    }
  }
}
