package org.bayan.http.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The interface language of a page: Arabic (right to left, the default) or English. Chosen by {@code ?ui=}
 * first, then the browser's Accept-Language; every label of the pages comes from here.
 */
record Ui(String lang) {
  static final Ui AR = new Ui("ar");
  static final Ui EN = new Ui("en");

  static Ui choose(String uiParam, String acceptLanguage) {
    if ("en".equals(uiParam)) return EN;
    if ("ar".equals(uiParam)) return AR;
    if (acceptLanguage != null && !acceptLanguage.isBlank()) {
      try {
        String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), List.of("ar", "en"));
        if ("en".equals(tag)) return EN;
      } catch (IllegalArgumentException e) {
        // A malformed header is the browser's problem, not the reader's: fall back to Arabic.
      }
    }
    return AR;
  }

  boolean arabic() {
    return lang.equals("ar");
  }

  String dir() {
    return arabic() ? "rtl" : "ltr";
  }

  Ui other() {
    return arabic() ? EN : AR;
  }

  String t(String key) {
    String[] v = TEXT.get(key);
    if (v == null) throw new IllegalArgumentException("no label " + key);
    return arabic() ? v[0] : v[1];
  }

  private static final Map<String, String[]> TEXT = Map.ofEntries(
      Map.entry("brand", new String[] {"بيان", "Bayan"}),
      Map.entry("tagline", new String[] {"محرّك بحث في البيانات الرسمية الموثّقة", "Search engine for verified official statements"}),
      Map.entry("search_label", new String[] {"ابحث في البيانات الرسمية", "Search official statements"}),
      Map.entry("search_button", new String[] {"بحث", "Search"}),
      Map.entry("placeholder", new String[] {"مثال: وزارة الصحة حملة التلقيح", "e.g. health ministry vaccination campaign"}),
      Map.entry("mode_search", new String[] {"بحث بالكلمات", "Keyword search"}),
      Map.entry("mode_claim", new String[] {"التحقق من ادعاء", "Check a claim"}),
      Map.entry("claim_label", new String[] {"الصق نصّ الادعاء المتداول", "Paste the claim being circulated"}),
      Map.entry("claim_button", new String[] {"ابحث عن البيانات المطابقة", "Find matching statements"}),
      Map.entry("claim_empty", new String[] {
          "الصق نصّ الادعاء في المربع ثم ابحث.", "Paste the text of the claim in the box, then search."}),
      Map.entry("claim_results", new String[] {
          "البيانات الرسمية الأقرب إلى الادعاء، مع الجمل التي تؤكده أو تنفيه.",
          "The official statements closest to the claim, with the sentences that confirm or deny it."}),
      Map.entry("claim_searched", new String[] {"نص الادعاء", "Claim text"}),
      Map.entry("claim_heading", new String[] {"البيانات الأقرب إلى الادعاء", "Statements closest to the claim"}),
      Map.entry("claim_type", new String[] {"نوع البيان", "Statement type"}),
      Map.entry("claim_type_any", new String[] {"كل الأنواع", "Any type"}),
      Map.entry("claim_words", new String[] {"كلمات الادعاء:", "Words of the claim:"}),
      Map.entry("claim_not_in_index", new String[] {"لا يرد في أي بيان:", "In no statement:"}),
      Map.entry("claim_not_in_index_note", new String[] {
          "فلا يمكن لأي نتيجة أن تؤكد هذا الجزء من الادعاء أو تنفيه.",
          "so no result can confirm or deny that part of the claim."}),
      Map.entry("claim_none", new String[] {
          "لا يشترك أي بيان مع الادعاء في كلمة.", "No statement shares a word with the claim."}),
      Map.entry("claim_covers", new String[] {"يغطي {n} من الادعاء", "Covers {n} of the claim"}),
      Map.entry("claim_has", new String[] {"يتضمن", "Has"}),
      Map.entry("claim_lacks", new String[] {"لا يتضمن", "Lacks"}),
      Map.entry("claim_weak", new String[] {"تطابق ضعيف:", "Weak match:"}),
      Map.entry("claim_weak_note", new String[] {
          "لا يشترك هذا البيان مع الادعاء إلا في القليل (أقل من {n} من كلماته بحسب وزنها). تحقّق من أنه يتناول الادعاء فعلًا قبل الاستشهاد به.",
          "this statement shares little of the claim (under {n} of its words, by weight). Check that it speaks of the claim before citing it."}),
      Map.entry("claim_evidence", new String[] {"الجمل المطابقة", "Matching sentences"}),
      Map.entry("claim_also", new String[] {"نُشر أيضًا:", "Also published as:"}),
      Map.entry("claim_permalink", new String[] {"الرابط الدائم:", "Permalink:"}),
      Map.entry("results", new String[] {"نتيجة", "results"}),
      Map.entry("result_one", new String[] {"نتيجة واحدة", "1 result"}),
      Map.entry("more_than", new String[] {"أكثر من", "more than"}),
      Map.entry("latest", new String[] {"أحدث البيانات", "Latest statements"}),
      Map.entry("results_for", new String[] {"نتائج البحث عن", "Results for"}),
      Map.entry("no_results", new String[] {"لا توجد بيانات مطابقة. جرّب كلمات أخرى أو أزل بعض المرشّحات.",
          "No matching statements. Try other words or remove some filters."}),
      Map.entry("did_you_mean", new String[] {"هل تقصد:", "Did you mean:"}),
      Map.entry("question_mark", new String[] {"؟", "?"}),
      Map.entry("sort", new String[] {"الترتيب", "Order"}),
      Map.entry("sort_default", new String[] {"تلقائي", "Default"}),
      Map.entry("sort_relevance", new String[] {"الأنسب أولًا", "Best match first"}),
      Map.entry("sort_newest", new String[] {"الأحدث أولًا", "Newest first"}),
      Map.entry("sort_oldest", new String[] {"الأقدم أولًا", "Oldest first"}),
      Map.entry("date_from", new String[] {"من تاريخ", "From"}),
      Map.entry("date_to", new String[] {"إلى تاريخ", "To"}),
      Map.entry("type_denial", new String[] {"نفي", "Denial"}),
      Map.entry("type_correction", new String[] {"تصحيح", "Correction"}),
      Map.entry("type_clarification", new String[] {"توضيح", "Clarification"}),
      Map.entry("type_decision", new String[] {"قرار", "Decision"}),
      Map.entry("type_announcement", new String[] {"إعلان", "Announcement"}),
      Map.entry("filters", new String[] {"تصفية النتائج", "Filter results"}),
      Map.entry("facet_agency", new String[] {"الجهة", "Agency"}),
      Map.entry("facet_language", new String[] {"اللغة", "Language"}),
      Map.entry("facet_status", new String[] {"حالة التحقق", "Verification"}),
      Map.entry("facet_type", new String[] {"النوع", "Type"}),
      Map.entry("facet_category", new String[] {"التصنيف", "Category"}),
      Map.entry("facet_year", new String[] {"السنة", "Year"}),
      Map.entry("more_agencies", new String[] {"جهات أخرى", "More agencies"}),
      Map.entry("lang_ar", new String[] {"العربية", "Arabic"}),
      Map.entry("lang_en", new String[] {"الإنجليزية", "English"}),
      Map.entry("clear_filters", new String[] {"إزالة كل المرشّحات", "Clear all filters"}),
      Map.entry("remove_filter", new String[] {"إزالة المرشّح", "Remove filter"}),
      Map.entry("next", new String[] {"التالي", "Next"}),
      Map.entry("prev", new String[] {"السابق", "Previous"}),
      Map.entry("page", new String[] {"صفحة", "Page"}),
      Map.entry("pages", new String[] {"الصفحات", "Pages"}),
      Map.entry("atom", new String[] {"تابِع هذا البحث (Atom)", "Follow this search (Atom feed)"}),
      Map.entry("published", new String[] {"تاريخ النشر", "Published"}),
      Map.entry("version", new String[] {"النسخة", "Version"}),
      Map.entry("of", new String[] {"من", "of"}),
      Map.entry("content_hash", new String[] {"بصمة المحتوى SHA-256", "SHA-256 content hash"}),
      Map.entry("source", new String[] {"المصدر الأصلي", "Original source"}),
      Map.entry("citation", new String[] {"الاستشهاد", "Citation"}),
      Map.entry("copy", new String[] {"نسخ الاستشهاد", "Copy citation"}),
      Map.entry("copied", new String[] {"تم النسخ", "Copied"}),
      Map.entry("verify", new String[] {"للتحقق", "Verify"}),
      Map.entry("json", new String[] {"البيان بصيغة JSON (النص كما خُزّن)", "Statement as JSON (text as stored)"}),
      Map.entry("proof", new String[] {"إثبات الإدراج في السجل الشفاف", "Transparency-log inclusion proof"}),
      Map.entry("versions_json", new String[] {"سجل النسخ بصيغة JSON", "Version history as JSON"}),
      Map.entry("history", new String[] {"سجل التعديلات", "Version history"}),
      Map.entry("history_none", new String[] {"لم يُعدَّل هذا البيان منذ نشره.", "This statement has not been changed since it was first stored."}),
      Map.entry("stored_at", new String[] {"خُزّن في", "stored"}),
      Map.entry("changes", new String[] {"التغييرات مقارنةً بالنسخة", "Changes from version"}),
      Map.entry("current", new String[] {"الحالية", "current"}),
      Map.entry("viewing_old", new String[] {"تعرض هذه الصفحة نسخة سابقة.", "You are viewing an earlier version."}),
      Map.entry("view_latest", new String[] {"عرض أحدث نسخة", "View the latest version"}),
      Map.entry("status", new String[] {"حالة التحقق", "Verification"}),
      Map.entry("back", new String[] {"العودة إلى البحث", "Back to search"}),
      Map.entry("switch", new String[] {"English", "العربية"}),
      Map.entry("not_found", new String[] {"لا يوجد بيان بهذا المعرّف.", "There is no statement with this id."}),
      Map.entry("page_not_found", new String[] {"لا توجد صفحة بهذا العنوان.", "There is no page at this address."}),
      Map.entry("bad_request", new String[] {"تعذّر تنفيذ البحث", "The search could not be run"}),
      Map.entry("embed_title", new String[] {"أضف بحث بيان إلى موقعك", "Add Bayan search to your site"}),
      Map.entry("embed_script", new String[] {"ألصق هذين السطرين في صفحتك:", "Paste these two lines into your page:"}),
      Map.entry("embed_iframe", new String[] {"أو، إن كان موقعك لا يسمح بنصوص برمجية خارجية، استعمل إطارًا:",
          "Or, where your site allows no third-party scripts, use a frame:"}),
      Map.entry("embed_more", new String[] {"الخصائص: endpoint وagency وui (لغة الواجهة، أو lang) وstatement-lang (لغة البيانات) وplaceholder وlimit؛ والألوان عبر متغيّرات CSS.",
          "Attributes: endpoint, agency, ui (interface language, or lang), statement-lang (statements' language), placeholder, limit; colours through CSS custom properties."}),
      Map.entry("statement_lang", new String[] {"لغة البيان", "Language"}),
      Map.entry("agency_site", new String[] {"موقع الجهة", "Agency website"}),
      Map.entry("statements", new String[] {"بيان", "statements"}),
      Map.entry("footer", new String[] {"بيان: نصوص رسمية كما نشرتها الجهات، مع بصمة كل نسخة وسجلّ تعديلاتها.",
          "Bayan: official texts as the agencies published them, with each version's hash and its history."}));
}
