package org.bayan.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bayan.cli.SearchBackend;

/**
 * A small Arabic and English collection for search tests, indexed into a real data folder: statements of
 * three agencies with types, categories and dates spread over years, plus routine notices to page through.
 */
public final class SearchCorpus {
  public static final int NOTICES = 23;
  public static final int STATEMENTS = 8 + NOTICES;

  private SearchCorpus() {}

  public static Path build(Path tmp) throws Exception {
    return build(tmp, SearchBackend.LUCENE);
  }

  /** The corpus indexed into {@code backend}. */
  public static Path build(Path tmp, SearchBackend backend) throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.agencies(in, "spa", "moi", "moh");
    List<String> lines = new ArrayList<>(List.of(
        rel("spa-1", "spa", "ar", "denial", "health", "وزارة الصحة تنفي شائعات انتشار الوباء",
            "نفت وزارة الصحة ما تداولته مواقع التواصل حول انتشار وباء في المدارس.", "2015-08-10"),
        rel("spa-2", "spa", "ar", "announcement", "health", "الصحة تعلن حملة تطعيم",
            "أعلنت الوزارة عن حملة تطعيم وطنية ضد الإنفلونزا في جميع المناطق.", "2015-07-01"),
        rel("spa-3", "spa", "ar", "announcement", "education", "نتائج الامتحانات",
            "عقد وزير التعليم مُؤْتَمَراً صَحَفِيّاً للإعلان عن نتائج الامتحانات العامة.", "2016-01-15"),
        rel("moi-1", "moi", "ar", "denial", "security", "وزارة الداخلية تنفي إغلاق الطرق",
            "نفت وزارة الداخلية ما تم تداوله بشأن إغلاق الطرق الرئيسية يوم الجمعة.", "2024-05-01T10:00:00+03:00"),
        rel("moh-en-1", "moh", "en", "statement", "health", "Ministry of Health announces vaccination campaign",
            "The ministry of health announced a national vaccination campaign against influenza.", "2024-02-01"),
        rel("moh-en-2", "moh", "en", "denial", "health", "Health ministry denies school closures",
            "The ministry denied rumours that schools would close. Vaccination continues.", "2023-03-01"),
        rel("moh-en-3", "moh", "en", "statement", "health", "Weekly bulletin",
            "Health figures for the week: hospital admissions fell.", "2022-01-05"),
        rel("moh-en-4", "moh", "en", "statement", "health", "<b>Markup</b> & notes",
            "A campaign note with <script>alert(1)</script> inside & an ampersand.", "2021-06-01")));
    for (int i = 1; i <= NOTICES; i++) {
      lines.add(rel("notice-" + i, "moi", "en", "notice", "roads", "Routine road notice " + i,
          "Routine notice number " + i + " about road works.", String.format("2020-%02d-%02d", 1 + i % 12, 1 + i)));
    }
    Fixtures.lines(in.resolve("r.jsonl"), lines);
    Path data = tmp.resolve("data");
    Fixtures.indexed(data, backend, in);
    return data;
  }

  private static String rel(String id, String agency, String lang, String type, String category, String title,
      String body, String date) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("agency", agency);
    m.put("title", title);
    m.put("body", body);
    m.put("language", lang);
    m.put("published_at", date);
    m.put("source_url", "https://" + agency + ".example.gov/" + id);
    m.put("category", category);
    m.put("type", type);
    return Fixtures.json(m);
  }
}
