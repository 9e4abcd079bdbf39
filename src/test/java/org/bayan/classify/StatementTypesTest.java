package org.bayan.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.bayan.statement.Release;
import org.bayan.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Statement types on real sentences: Arabic ones from the ANT corpus (Jawhara FM, Apache-2.0), English ones
 * from U.S. Congress press releases (public domain), and SaudiNewsNet read in place from ../shared.
 */
class StatementTypesTest {

  @Test
  void arabic_denials_in_the_headline_or_the_lead_are_denials() {
    // ant-JA-culture-105-20170516
    assertEquals("denial", StatementTypes.detect("وزارة الثقافة تنفي استضافة \"مادونا\" و\" ازنفور\" في مهرجان قرطاج", ""));
    // ant-JA-economy-229-20161116
    assertEquals("denial", StatementTypes.detect("البنك المركزي ينفي تقارير حول تحرير الدينار التونسي", ""));
    // ant-JA-localNews-119-20170125, lead only
    assertEquals("denial", StatementTypes.detect("", "نفى وزير النقل، أنيس غديرة اليوم، على هامش إشرافه على تسلّم "
        + "عدد من الحافلات المستوردة من فرنسا بميناء حلق الوادي، الترفيع في أسعار تذاكر النقل العمومي."));
    // ant-JA-economy-229-20161116, second sentence: "لا أساس له من الصحة"
    assertEquals("denial", StatementTypes.detect("", "وقال إن ما يتم تداوله بالمواقع الاجتماعية حول تعويم الدينار "
        + "والتخفيض في سعر الصرف، لا أساس له من الصحة."));
    assertEquals("denial", StatementTypes.detect("الوزارة: الخبر عارٍ عن الصحة", ""));
  }

  @Test
  void a_denial_quoted_deep_in_a_news_story_does_not_make_it_a_denial() {
    // ant-JA-internationalNews-292-20170216: the denial is in a later paragraph, said by someone reported on.
    String body = "رفض الرئيس السوري بشّار الأسد السماح لوفود تابعة لمنظمة العفو الدولية بزيارة سوريا.\n"
        + "كما نفى الأسد الاتهامات التي وجهتها منظمة \"هيومن رايتس ووتش\" إلى الجيش السوري باستخدام أسلحة الكيميائية في حلب.";
    assertNotEquals("denial", StatementTypes.detect("بشار الأسد يرفض السماح لمنظمة العفو الدولية بزيارة سوريا", body));
  }

  @Test
  void words_that_merely_contain_a_cue_do_not_match() {
    // ant: "التنفيذية" contains تنفي.
    assertNull(StatementTypes.detect("إدغار موران في صفاقس عاصمة الثقافة العربية",
        "تنظم الهيئة التنفيذية لتظاهرة صفاقس عاصمة للثقافة العربية 2016 مسابقة مفتوحة أمام الفنانين التشكيليين."));
  }

  @Test
  void clarifications() {
    // ant-JA-localNews-1068-20170210
    assertEquals("clarification", StatementTypes.detect("توضيح وزارة التجهيز بخصوص برنامج السكن الأول",
        "أكدت وزارة التجهيز والإسكان في بلاغ توضيحي أصدرته الخميس يتعلق ببرنامج المسكن الأول."));
    // usc-anna_eshoo-561
    assertEquals("clarification", StatementTypes.detect(
        "Clarification of High-Speed Rail Announcement April 20th, 2011 Following Monday's announcement by "
            + "Congresswoman Anna G.", ""));
    // usc-lee_zeldin-888: the name of a bill
    assertNotEquals("clarification", StatementTypes.detect("Washington, DC – On Tuesday, June 7, 2016, Congressman "
        + "Lee Zeldin's (R, NY-1) EEZ Transit Zone Clarification Act (HR 3070) unanimously passed the House of "
        + "Representatives with bipartisan support.", ""));
  }

  @Test
  void english_denials_and_their_look_alikes() {
    // usc-debbie_wasserman_schultz-715
    assertEquals("denial", StatementTypes.detect("A new report refutes claims that portable music players, such as "
        + "Apple's iPod, interfere with cardiac pacemakers.", ""));
    assertEquals("denial", StatementTypes.detect("", "The Department categorically denies the reports. There is no "
        + "truth to them."));
    // usc-joni_ernst-173: "denied claims" are refused applications
    assertNotEquals("denial", StatementTypes.detect("WASHINGTON – Following a report by the Department of Veterans "
        + "Affairs (VA) top watchdog showing nearly half of denied claims involving Military Sexual Trauma were "
        + "improperly processed, U.S.", ""));
  }

  @Test
  void the_declared_type_wins_and_is_lower_cased() {
    Release declared = new Release("x", "moi", "وزارة الداخلية تنفي إغلاق الطرق", "نفت الوزارة ذلك.", "ar",
        "2024-05-01", null, null, "Decision", null, null);
    assertEquals("decision", StatementTypes.of(declared));
    Release undeclared = new Release("y", "moi", "وزارة الداخلية تنفي إغلاق الطرق", "نفت الوزارة ذلك.", "ar",
        "2024-05-01", null, null, null, null, null);
    assertEquals("denial", StatementTypes.of(undeclared));
  }

  @Test
  void saudinewsnet_headlines_with_a_denial_verb_are_denials() throws Exception {
    Path file = Fixtures.shared().resolve("corpora/saudinewsnet/releases.jsonl.gz");
    if (!Files.exists(file)) return; // the shared corpora are not on every machine
    Pattern verb = Pattern.compile("(?<![\\p{IsArabic}])[وف]?(تنفي|ينفي|نفت|نفى)(?![\\p{IsArabic}])");
    Pattern execute = Pattern.compile("(?<![\\p{IsArabic}])[وف]?(ال)?(تنفيذ|تنفيذي|تنفيذية|التنفيذية)(?![\\p{IsArabic}])");
    ObjectMapper json = new ObjectMapper();
    List<String> missed = new ArrayList<>();
    int denials = 0;
    int executes = 0;
    int executeAsDenial = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        JsonNode o = json.readTree(line);
        String title = o.path("title").asText("");
        String body = o.path("body").asText("");
        if (verb.matcher(title).find()) {
          denials++;
          if (!"denial".equals(StatementTypes.detect(title, body))) missed.add(title);
        } else if (execute.matcher(title).find()) {
          executes++;
          if ("denial".equals(StatementTypes.detect(title, ""))) executeAsDenial++;
        }
      }
    }
    assertTrue(denials > 20, "expected real denial headlines in SaudiNewsNet, found " + denials);
    assertTrue(missed.isEmpty(), "headlines with a denial verb not detected: " + missed);
    assertTrue(executes > 20, "expected headlines with تنفيذ, found " + executes);
    assertEquals(0, executeAsDenial, "تنفيذ read as a denial");
  }
}
