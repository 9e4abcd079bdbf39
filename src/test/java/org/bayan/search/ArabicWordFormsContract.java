package org.bayan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bayan.cli.SearchBackend;
import org.bayan.testing.Fixtures;
import org.bayan.testing.TestServer;
import org.bayan.testing.TestServer.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over HTTP on a real server: a word typed in one of its regular forms (a pronoun after a taa marbuta, a dual,
 * a plural, tanween, a conjunction, a prefix) finds the statements that hold it in another form, and only them;
 * on every engine ({@link ArabicWordFormsApiTest}: embedded; {@link OpenSearchArabicWordFormsApiTest}).
 */
abstract class ArabicWordFormsContract {
  @TempDir static Path tmp;
  static TestServer server;

  /** Each statement holds one word of interest; no two share a content word. */
  static final Map<String, String> BODIES = new LinkedHashMap<>();

  static {
    BODIES.put("gov", "أعلنت الحكومة خطة جديدة للنقل");
    BODIES.put("ministry", "قالت الوزارة إن التسجيل يبدأ الأسبوع المقبل");
    BODIES.put("resignation", "قدم المدير استقالة مكتوبة إلى المجلس");
    BODIES.put("company", "نشرت الشركة أرباحها السنوية");
    BODIES.put("initiative", "انطلقت مبادرتها لتشجير الأحياء");
    BODIES.put("hospital", "افتتاح المستشفى في الضاحية الشمالية");
    BODIES.put("call-tanween", "أجرى الرئيس اتصالاً هاتفياً مع نظيره");
    BODIES.put("call-plain", "جرى اتصال هاتفي بين الأميرين");
    BODIES.put("decided", "وقرر البرلمان تأجيل الجلسة");
    BODIES.put("employees", "التقى موظفو البلدية بالسكان");
    BODIES.put("match", "انتهت المباراة بالتعادل");
    BODIES.put("confirmed", "أكد المتحدث سلامة الركاب");
    BODIES.put("level", "ارتفع مستوى المياه في السدود");
    BODIES.put("voting", "بدأ التصويت صباحاً");
  }

  static void startWith(SearchBackend backend) throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.agencies(in, "gov");
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, String> e : BODIES.entrySet()) {
      lines.add(Fixtures.release(e.getKey(), "gov", "بيان", e.getValue(), "2024-05-01"));
    }
    Fixtures.lines(in.resolve("r.jsonl"), lines);
    server = TestServer.start(Fixtures.indexed(tmp.resolve("data"), backend, in), backend);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static Set<String> found(String query) throws Exception {
    Response r = server.get("/api/search?size=100&q=" + TestServer.enc(query));
    assertEquals(200, r.status(), query + " → " + r.body());
    Set<String> ids = new TreeSet<>();
    for (JsonNode h : r.json().get("hits")) ids.add(h.get("id").asText());
    return ids;
  }

  static void finds(String id, String... queries) throws Exception {
    for (String q : queries) assertEquals(Set.of(id), found(q), q + " should find only the statement " + id);
  }

  /** The forms of a noun in ة: every attached pronoun after ت, the dual construct, the duals, the plural. */
  static List<String> formsOf(String noun) {
    String stem = noun.substring(0, noun.length() - 1);
    List<String> out = new ArrayList<>();
    for (String p : List.of("ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "نا", "ي", "ا", "ان", "ين")) {
      out.add(stem + "ت" + p);
    }
    out.add(stem + "ات");
    out.add("ال" + stem + "ات");
    out.add("و" + stem + "ته");
    return out;
  }

  @Test
  void every_pronoun_dual_and_plural_form_of_a_noun_in_taa_marbuta_finds_the_noun() throws Exception {
    finds("gov", formsOf("حكومة").toArray(String[]::new));
    finds("ministry", formsOf("وزارة").toArray(String[]::new));
    finds("resignation", formsOf("استقالة").toArray(String[]::new));
    finds("company", formsOf("شركة").toArray(String[]::new));
  }

  @Test
  void the_noun_finds_a_statement_that_holds_it_with_a_pronoun() throws Exception {
    finds("initiative", "المبادرة", "مبادرة", "مبادرات", "مبادرتهم");
  }

  @Test
  void a_plural_in_at_finds_a_singular_in_alef_maqsura() throws Exception {
    finds("hospital", "مستشفيات", "المستشفيات", "مستشفاها", "مستشفى", "مستشفي");
  }

  @Test
  void tanween_alef_and_the_bare_word_find_each_other() throws Exception {
    Set<String> both = Set.of("call-tanween", "call-plain");
    for (String q : List.of("اتصال هاتفي", "اتصالا هاتفيا", "اتصالاً هاتفياً", "الاتصال الهاتفي")) {
      assertEquals(both, found(q), q);
    }
  }

  @Test
  void a_word_finds_it_after_the_conjunction_and_a_plural_verb_finds_the_singular() throws Exception {
    finds("decided", "قرر", "وقرر");
    finds("confirmed", "أكدوا", "وأكدوا", "أكد");
  }

  @Test
  void a_sound_plural_in_construct_finds_the_other_cases() throws Exception {
    finds("employees", "الموظفين", "موظفون", "موظفي", "موظفوها");
  }

  @Test
  void a_noun_in_alef_taa_marbuta_and_an_alef_maqsura_keep_their_stem_before_a_pronoun() throws Exception {
    finds("match", "مباراتها", "مباراته", "مباريات", "مباراة");
    finds("level", "مستواها", "مستواهم", "مستويات", "المستوى");
  }

  @Test
  void a_radical_taa_is_kept_before_a_pronoun() throws Exception {
    finds("voting", "تصويتهم", "تصويت", "التصويت");
  }

  @Test
  void a_prefix_with_or_without_proclitics_reaches_the_noun_written_with_the_article() throws Exception {
    finds("gov", "حكوم*", "الحكو*", "والحكو*", "للحكوم*", "بالحكوم*");
    finds("ministry", "وزار*", "بالوزار*");
  }

  @Test
  void a_claim_in_another_form_finds_the_statement() throws Exception {
    Response r = server.get("/api/claims/lookup?text=" + TestServer.enc("حكومتهم تعلن خطة للنقل"));
    assertEquals(200, r.status(), r.body());
    assertEquals("gov", r.json().get("hits").get(0).get("id").asText(), r.body());
  }
}
