package org.bayan.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bayan.cli.SearchBackend;
import org.bayan.testing.Fixtures;
import org.bayan.testing.TestServer;
import org.bayan.testing.TestServer.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claim lookup over a real server on a random port: what every engine must answer alike ({@link ClaimApiTest}:
 * embedded; {@link OpenSearchClaimApiTest}). The statements are real: ANT corpus releases (Jawhara FM,
 * Apache-2.0; cite Chouigui et al. 2017), shortened; one English release written for the test.
 */
abstract class ClaimApiContract {
  @TempDir static Path tmp;
  static TestServer server;

  static final String BANK_BODY = "نفى البنك المركزي التونسي في بيان مقتضب أصدره اليوم تقارير حول تحرير الدينار التونسي.\n"
      + "وقال إن ما يتم تداوله بالمواقع الاجتماعية حول تعويم الدينار والتخفيض في سعر الصرف، لا أساس له من الصحة. "
      + "وكانت تقارير أشارت إلى خطة لتعويم الدينار التونسي على غرار الجنيه المصري الذي سجل هبوطا قياسيا بعد تحريره.";

  /** Indexes the statements into {@code backend} and serves them. */
  /** A release whose first paragraph was pasted twice: the index keeps it once, the store as published. */
  static final String WATER_BODY = "أعلنت الشركة الوطنية لاستغلال وتوزيع المياه عن قطع الماء في عدد من الأحياء.\n"
      + "أعلنت الشركة الوطنية لاستغلال وتوزيع المياه عن قطع الماء في عدد من الأحياء.\n"
      + "وأكدت الشركة أن مياه سد سيدي سالم صالحة للشرب ولا صحة لما يروج عن تلوثها.";

  static final String RESIGN_ID = "ant-JA-localNews-4183-20170502";
  static final String RESIGN_COPY_ID = "ant-JA-localNews-4597-20170502";
  static final String RESIGN_BODY = "نفت وزارة الداخلية في بلاغ لها اليوم ما راج من أخبار حول استقالة وزير الداخلية "
      + "الهادي مجدوب.";

  static void startWith(SearchBackend backend) throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.agencies(in, "bct", "culture", "finance", "equipment", "transport", "moh", "water", "moi", "radio");
    Fixtures.lines(in.resolve("r.jsonl"), List.of(
        Fixtures.release("ant-JA-economy-229-20161116", "bct", "البنك المركزي ينفي تقارير حول تحرير الدينار التونسي",
            BANK_BODY, "2016-11-16"),
        Fixtures.release("ant-JA-culture-105-20170516", "culture",
            "وزارة الثقافة تنفي استضافة \"مادونا\" و\" ازنفور\" في مهرجان قرطاج",
            "نفت وزارة الشؤون الثقافية في بلاغ لها اليوم ما تم تداوله على شبكات التواصل الاجتماعي، بخصوص استضافة "
                + "مهرجان قرطاج الدولي للفنانين \" شارل أزنافور\" و \"مادونا\".", "2017-05-16T10:31:00+01:00"),
        Fixtures.release("ant-JA-economy-241-20170425", "finance", "وزيرة المالية تنفي ما صرحت به حول تراجع سعر الدينار",
            "نفت وزيرة المالية لمياء الزريبي بوجناح أن تكون قد صرحت بإمكانية تراجع سعر الدينار التونسي ليصل إلى 3 "
                + "دنانير لليورو الواحد كما راج ذلك في العديد من وسائل الاعلام.", "2017-04-25"),
        Fixtures.release("ant-JA-localNews-1068-20170210", "equipment", "توضيح وزارة التجهيز بخصوص برنامج السكن الأول",
            "أكدت وزارة التجهيز والإسكان في بلاغ توضيحي أصدرته الخميس يتعلق ببرنامج المسكن الأول أن هذا البرنامج "
                + "لفائدة العائلات متوسطة الدّخل.", "2017-02-10T09:18:00+01:00"),
        Fixtures.release("transport-1", "transport", "برنامج الحافلات الجديدة",
            "تسلمت وزارة النقل عددا من الحافلات المستوردة من فرنسا بميناء حلق الوادي وأعلنت عن خطة لتجديد الأسطول "
                + "بحلول سنة ٢٠١٨.", "2017-01-25"),
        Fixtures.release("water-1", "water", "الشركة الوطنية لاستغلال وتوزيع المياه: مياه السد صالحة للشرب",
            WATER_BODY, "2019-07-02"),
        // The same release published twice (a ministry's, then a radio's copy): a duplicate group.
        Fixtures.release(RESIGN_ID, "moi", "لا صحة لخبر استقالة وزير الداخلية", RESIGN_BODY, "2017-05-02"),
        Fixtures.release(RESIGN_COPY_ID, "radio", "لا صحة لخبر استقالة وزير الداخلية", RESIGN_BODY, "2017-05-02"),
        Fixtures.release("moh-1", "moh", "Ministry of Health statement",
            "The ministry of health announced a vaccination campaign for 2018. <b>Free</b> for children.", "2018-02-01")));
    Path data = tmp.resolve("data");
    Fixtures.indexed(data, backend, in);
    server = TestServer.start(data, backend);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static Response post(String json) throws Exception {
    return server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/claims/lookup"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private static void assertError(Response r, int status, String detailPart) {
    assertEquals(status, r.status(), r.body());
    JsonNode j = r.json();
    assertTrue(j.hasNonNull("error") && j.get("detail").asText().contains(detailPart), r.body());
  }

  @Test
  void evidence_offsets_point_into_the_body_as_published_when_a_block_was_pasted_twice() throws Exception {
    Response r = post(Fixtures.json(Map.of("text", "مياه سد سيدي سالم ملوثة وغير صالحة للشرب")));
    assertEquals(200, r.status(), r.body());
    JsonNode hit = r.json().get("hits").get(0);
    assertEquals("water-1", hit.get("id").asText(), r.body());
    String body = server.get("/api/statements/water-1").json().get("body").asText();
    assertEquals(WATER_BODY, body, "the statement keeps its text as published");
    JsonNode best = hit.get("evidence").get(0);
    String sentence = body.substring(best.get("start").asInt(), best.get("end").asInt());
    assertEquals(sentence, best.get("text").asText().replace("<mark>", "").replace("</mark>", ""));
    assertTrue(sentence.contains("سد سيدي سالم صالحة للشرب"), sentence);
    for (JsonNode e : hit.get("evidence")) {
      assertEquals(body.substring(e.get("start").asInt(), e.get("end").asInt()),
          e.get("text").asText().replace("<mark>", "").replace("</mark>", ""), "each evidence sentence as cited");
    }
  }

  @Test
  void a_reworded_arabic_claim_finds_the_statement_with_its_evidence_marked() throws Exception {
    // A claim as it circulates: reworded, no article on some words, a different verb.
    String claim = "البنك المركزي التونسي قرر تعويم الدينار وتخفيض سعر الصرف";
    Response r = post(Fixtures.json(Map.of("text", claim)));
    assertEquals(200, r.status(), r.body());
    JsonNode hit = r.json().get("hits").get(0);
    assertEquals("ant-JA-economy-229-20161116", hit.get("id").asText(), r.body());
    assertEquals("denial", hit.get("type").asText());
    JsonNode ev = hit.get("evidence");
    assertTrue(ev.size() >= 1 && ev.size() <= 3, ev.toString());
    JsonNode best = ev.get(0);
    int start = best.get("start").asInt();
    int end = best.get("end").asInt();
    String sentence = BANK_BODY.substring(start, end);
    assertTrue(sentence.contains("تعويم الدينار والتخفيض في سعر الصرف"), sentence);
    assertTrue(best.get("text").asText().contains("<mark>تعويم</mark>"), best.toString());
    assertTrue(best.get("text").asText().contains("<mark>الصرف</mark>"), best.toString());
    assertEquals(sentence, best.get("text").asText().replace("<mark>", "").replace("</mark>", ""));
    // Statement data, permalink and citation.
    assertEquals("bct", hit.get("agency").get("id").asText());
    assertEquals("2016-11-16", hit.get("published_at").asText());
    String hash = hit.get("content_hash").asText();
    assertEquals(64, hash.length());
    assertTrue(hit.get("permalink").asText().endsWith("/s/ant-JA-economy-229-20161116"), hit.toString());
    String citation = hit.get("citation").asText();
    assertTrue(citation.contains("وزارة bct") && citation.contains("2016-11-16") && citation.contains(hash)
        && citation.contains(hit.get("permalink").asText()), citation);
    JsonNode ld = hit.get("json_ld");
    assertEquals("https://schema.org", ld.get("@context").asText());
    assertEquals("NewsArticle", ld.get("@type").asText());
    assertEquals("GovernmentOrganization", ld.get("author").get("@type").asText());
    assertEquals("2016-11-16", ld.get("datePublished").asText());
    assertEquals(hash, ld.get("identifier").get(0).get("value").asText());
    assertEquals("sha256", ld.get("identifier").get(0).get("propertyID").asText());
    assertTrue(r.json().get("terms").size() > 0);
  }

  @Test
  void the_get_form_gives_the_same_answer() throws Exception {
    String claim = "وزارة الثقافة تستضيف مادونا في مهرجان قرطاج";
    Response g = server.get("/api/claims/lookup?text=" + TestServer.enc(claim));
    assertEquals(200, g.status(), g.body());
    assertEquals("ant-JA-culture-105-20170516", g.json().get("hits").get(0).get("id").asText());
    Response p = post(Fixtures.json(Map.of("text", claim)));
    assertEquals(g.json().get("hits").get(0).get("id"), p.json().get("hits").get(0).get("id"));
  }

  @Test
  void numbers_in_either_digit_script_count() throws Exception {
    // The claim writes 2018 in Arabic-Indic digits; the statement in Western ones, and the other way round.
    Response r = post(Fixtures.json(Map.of("text", "vaccination campaign in ٢٠١٨")));
    assertEquals("moh-1", r.json().get("hits").get(0).get("id").asText(), r.body());
    Response r2 = post(Fixtures.json(Map.of("text", "تجديد أسطول الحافلات سنة 2018")));
    assertEquals("transport-1", r2.json().get("hits").get(0).get("id").asText(), r2.body());
  }

  @Test
  void type_denial_keeps_only_denials_on_claims_and_on_search() throws Exception {
    Response r = post("{\"text\": \"الدينار التونسي سعر الصرف برنامج السكن\", \"type\": \"denial\"}");
    assertEquals(200, r.status(), r.body());
    assertTrue(r.json().get("hits").size() >= 2, r.body());
    for (JsonNode h : r.json().get("hits")) assertEquals("denial", h.get("type").asText(), h.toString());
    JsonNode s = server.get("/api/search?q=" + TestServer.enc("الدينار السكن") + "&type=denial").json();
    assertEquals(2, s.get("total").asInt(), s.toString());
    JsonNode c = server.get("/api/search?q=" + TestServer.enc("السكن") + "&type=clarification").json();
    assertEquals("ant-JA-localNews-1068-20170210", c.get("hits").get(0).get("id").asText());
    assertEquals(0, server.get("/api/search?q=" + TestServer.enc("السكن") + "&type=denial").json().get("total").asInt());
  }

  @Test
  void filters_by_agency_and_date_like_search() throws Exception {
    JsonNode j = post("{\"text\": \"الدينار التونسي\", \"agency\": [\"finance\"], \"from\": \"2017-01-01\", \"limit\": 5}")
        .json();
    assertEquals(1, j.get("hits").size(), j.toString());
    assertEquals("ant-JA-economy-241-20170425", j.get("hits").get(0).get("id").asText());
  }

  @Test
  void an_empty_claim_is_a_400_naming_text() throws Exception {
    assertError(post("{\"text\": \"\"}"), 400, "'text'");
    assertError(post("{\"text\": \"   \"}"), 400, "'text'");
    assertError(post("{}"), 400, "'text'");
    assertError(server.get("/api/claims/lookup"), 400, "'text'");
    assertError(server.get("/api/claims/lookup?text="), 400, "'text'");
    assertError(post("{\"text\": 42}"), 400, "'text'");
    assertError(post("not json"), 400, "'body'");
    assertError(post("{\"text\": \"x\", \"limit\": 0}"), 400, "'limit'");
    assertError(post("{\"text\": \"x\", \"from\": \"yesterday\"}"), 400, "'from'");
  }

  @Test
  void a_5000_character_paste_gets_results_and_more_is_a_400() throws Exception {
    StringBuilder b = new StringBuilder();
    String para = "تداولت صفحات على شبكات التواصل الاجتماعي أن البنك المركزي قرر تعويم الدينار التونسي، وأن سعر الصرف "
        + "سيتراجع إلى 3 دنانير لليورو الواحد <script>x</script> & \"quotes\". ";
    while (b.length() + para.length() <= 5_000) b.append(para);
    while (b.length() < 5_000) b.append('ـ');
    String text = b.toString();
    assertEquals(5_000, text.length());
    Response r = post(Fixtures.json(Map.of("text", text)));
    assertEquals(200, r.status(), r.body());
    JsonNode hits = r.json().get("hits");
    assertTrue(hits.size() > 0);
    assertTrue(List.of("ant-JA-economy-229-20161116", "ant-JA-economy-241-20170425")
        .contains(hits.get(0).get("id").asText()), r.body());
    Response g = server.get("/api/claims/lookup?text=" + TestServer.enc(text));
    assertEquals(200, g.status(), g.body());
    assertError(post(Fixtures.json(Map.of("text", text + "x"))), 400, "'text'");
  }

  @Test
  void claims_that_are_query_syntax_or_markup_are_read_as_prose() throws Exception {
    for (String t : List.of("\"unbalanced", "-", "((", "OR AND", "*", "~2", "\\", "a:b:c", "[1 TO", "\u0000",
        "ـــ", "في من على", "<script>alert(1)</script>")) {
      Response r = post(Fixtures.json(Map.of("text", t)));
      assertEquals(200, r.status(), t + " → " + r.body());
    }
    JsonNode hit = post(Fixtures.json(Map.of("text", "free vaccination for children"))).json().get("hits").get(0);
    String shown = hit.get("title").asText() + hit.get("evidence").toString();
    assertFalse(shown.contains("<b>"), shown);
    assertTrue(hit.get("evidence").get(0).get("text").asText().contains("&lt;b&gt;"), shown);
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  static JsonNode hit(JsonNode answer, String id) {
    for (JsonNode h : answer.get("hits")) if (h.get("id").asText().equals(id)) return h;
    throw new AssertionError(id + " is not among the hits: " + answer);
  }

  /** What every answer holds whatever the claim: the invariants of coverage and weak matches. */
  static void assertCoverageIsConsistent(JsonNode answer) {
    double below = answer.get("weak_match_below").asDouble();
    assertTrue(below > 0 && below < 1, answer.toString());
    List<String> words = texts(answer.get("claim_words"));
    List<String> unknown = texts(answer.get("not_in_index"));
    assertTrue(words.containsAll(unknown), "the words in no statement are words of the claim: " + answer);
    for (JsonNode h : answer.get("hits")) {
      JsonNode c = h.get("coverage");
      double share = c.get("share").asDouble();
      assertTrue(share >= 0 && share <= 1, h.toString());
      assertEquals(share < below, h.get("weak_match").asBoolean(), "weak exactly below the threshold: " + h);
      List<String> matched = texts(c.get("matched"));
      List<String> missing = texts(c.get("missing"));
      assertTrue(missing.containsAll(unknown), "a word in no statement is missing from every hit: " + h);
      assertTrue(java.util.Collections.disjoint(matched, missing), h.toString());
      if (missing.isEmpty() && !matched.isEmpty()) assertEquals(1.0, share, h.toString());
      if (matched.isEmpty()) assertEquals(0.0, share, h.toString());
      // The claim's words are those of its own language: a hit in that language reports each of them.
      String claimLang = words.isEmpty() ? "" : words.getFirst().codePoints()
          .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC) ? "ar" : "en";
      if (h.get("language").asText().equals(claimLang)) {
        List<String> all = new java.util.ArrayList<>(matched);
        all.addAll(missing);
        assertEquals(new java.util.HashSet<>(words), new java.util.HashSet<>(all),
            "each claim word is either matched or missing: " + h);
      }
    }
  }

  @Test
  void each_hit_says_which_claim_words_it_holds_and_the_answer_names_those_no_statement_holds() throws Exception {
    // No statement writes قرر (decided) or تجميد (freeze), in any form.
    JsonNode j = post(Fixtures.json(Map.of("text", "البنك المركزي التونسي قرر تجميد الدينار"))).json();
    assertEquals(List.of("البنك", "المركزي", "التونسي", "قرر", "تجميد", "الدينار"), texts(j.get("claim_words")), j.toString());
    assertEquals(List.of("قرر", "تجميد"), texts(j.get("not_in_index")), j.toString());
    JsonNode bank = hit(j, "ant-JA-economy-229-20161116");
    assertEquals(List.of("البنك", "المركزي", "التونسي", "الدينار"), texts(bank.get("coverage").get("matched")));
    assertEquals(List.of("قرر", "تجميد"), texts(bank.get("coverage").get("missing")));
    assertFalse(bank.get("weak_match").asBoolean(), bank.toString());
    // The finance minister's denial shares only التونسي and الدينار: a weak match.
    JsonNode finance = hit(j, "ant-JA-economy-241-20170425");
    assertEquals(List.of("التونسي", "الدينار"), texts(finance.get("coverage").get("matched")));
    assertTrue(finance.get("weak_match").asBoolean(), finance.toString());
    assertTrue(finance.get("coverage").get("share").asDouble() < bank.get("coverage").get("share").asDouble());
    assertCoverageIsConsistent(j);
  }

  @Test
  void coverage_holds_its_invariants_for_claims_made_of_any_words_of_the_statements() throws Exception {
    // Claims drawn from the statements' own words, with words no statement holds mixed in.
    List<String> pool = List.of(BANK_BODY, WATER_BODY, "وزيرة المالية تنفي ما صرحت به حول تراجع سعر الدينار",
        "تسلمت وزارة النقل عددا من الحافلات المستوردة من فرنسا بسنة ٢٠١٨", "The ministry of health announced a campaign");
    java.util.Random random = new java.util.Random(18);
    for (int i = 0; i < 40; i++) {
      String[] words = pool.get(random.nextInt(pool.size())).split("\\s+");
      StringBuilder claim = new StringBuilder();
      for (int w = 0; w < 2 + random.nextInt(6); w++) claim.append(words[random.nextInt(words.length)]).append(' ');
      if (random.nextBoolean()) claim.append(random.nextBoolean() ? "زقظغثخ" : "qxzvjwk");
      Response r = post(Fixtures.json(Map.of("text", claim.toString())));
      assertEquals(200, r.status(), claim + " → " + r.body());
      assertCoverageIsConsistent(r.json());
      if (claim.toString().contains("زقظغثخ")) assertTrue(texts(r.json().get("not_in_index")).contains("زقظغثخ"), r.body());
    }
  }

  @Test
  void a_claim_with_no_content_word_covers_nothing_and_every_hit_is_weak() throws Exception {
    JsonNode j = post(Fixtures.json(Map.of("text", "في من على"))).json();
    assertEquals(List.of(), texts(j.get("claim_words")), j.toString());
    for (JsonNode h : j.get("hits")) assertTrue(h.get("weak_match").asBoolean(), h.toString());
  }
}
