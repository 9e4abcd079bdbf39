package org.bayan.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A data folder for the web page tests: agencies with Arabic names, Arabic and English statements, a hostile one, an edited one. */
public final class WebFixture {
  /** The hostile statement's id: markup in its title and body must show as text and never run. */
  public static final String XSS_ID = "moh-xss";
  public static final String EDITED_ID = "moi-edited";

  private WebFixture() {}

  public static Path build(Path tmp) throws Exception {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    new ObjectMapper().writeValue(in.resolve("agencies.json").toFile(), List.of(
        Map.of("id", "moi", "name_ar", "وزارة الداخلية", "name_en", "Ministry of Interior", "kind", "ministry"),
        Map.of("id", "moh", "name_ar", "وزارة الصحة", "name_en", "Ministry of Health", "kind", "ministry"),
        Map.of("id", "mof", "name_ar", "وزارة المالية", "name_en", "Ministry of Finance", "kind", "ministry")));
    Fixtures.lines(in.resolve("a.jsonl"), List.of(
        Fixtures.release("moi-1", "moi", "وزارة الداخلية تنفي إغلاق الطرق الرئيسية",
            "نفت وزارة الداخلية ما تم تداوله على مواقع التواصل بشأن إغلاق الطرق الرئيسية يوم الجمعة.\n"
                + "وأكدت الوزارة أن حركة المرور تسير بشكل عادي في كل الولايات.", "2024-05-01T10:00:00+01:00"),
        Fixtures.release("moh-1", "moh", "وزارة الصحة تطلق حملة وطنية للتلقيح",
            "أعلنت وزارة الصحة عن إطلاق حملة وطنية للتلقيح ضد الحصبة تشمل كل المدارس الابتدائية.", "2024-03-12"),
        Fixtures.release("moh-2", "moh", "بلاغ وزارة الصحة حول الأدوية المفقودة",
            "توضح وزارة الصحة أن الأدوية المفقودة ستتوفر في الصيدليات خلال الأسبوع القادم.", "2024-02-20"),
        Fixtures.release("mof-1", "mof", "وزارة المالية تنشر ميزانية الدولة لسنة 2025",
            "نشرت وزارة المالية مشروع ميزانية الدولة لسنة 2025 مع تقدير نسبة النمو.", "2024-10-15"),
        Fixtures.release("moh-en", "moh", "Ministry of Health announces vaccination campaign",
            "The Ministry of Health announced a national vaccination campaign in primary schools.", "2024-03-13"),
        Fixtures.release(XSS_ID, "moh", "وزارة الصحة <script>window.__pwned=1</script> تحذير <img src=x onerror=\"window.__pwned=2\">",
            "بيان وزارة الصحة <img src=x onerror=\"window.__pwned=3\"> و<script>window.__pwned=4</script> حول التلقيح.", "2024-04-02"),
        Fixtures.release(EDITED_ID, "moi", "وزارة الداخلية توضح مواعيد الامتحانات",
            "أعلنت وزارة الداخلية أن الامتحانات تبدأ يوم الاثنين.", "2024-06-01")));
    Fixtures.lines(in.resolve("later/b.jsonl"), List.of(
        Fixtures.release(EDITED_ID, "moi", "وزارة الداخلية توضح مواعيد الامتحانات",
            "أعلنت وزارة الداخلية أن الامتحانات تبدأ يوم الثلاثاء بدل الاثنين.", "2024-06-01")));
    Path data = tmp.resolve("data");
    // The agencies file beside a.jsonl registers the agencies; the later file edits one statement.
    Fixtures.indexed(data, in.resolve("a.jsonl"), in.resolve("later/b.jsonl"));
    return data;
  }
}
