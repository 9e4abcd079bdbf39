package org.bayan.http.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bayan.statement.Agency;

/**
 * The search page. It renders a search response as JSON data rather than as Java records, so fields the API
 * gains (facets, a verification status per hit) show up when present and are simply absent otherwise.
 */
final class SearchPage {
  private static final int AGENCIES_SHOWN = 8;

  /** What the page shows. {@code response} is null when the search could not run ({@code error} says why). */
  record Model(Ui ui, SearchParams params, JsonNode response, String error, String claim, boolean claimMode,
      Map<String, Agency> agencies, Map<String, Long> agencyCounts, String origin) {}

  private final Layout layout;

  SearchPage(Layout layout) {
    this.layout = layout;
  }

  String render(Model m) {
    Ui ui = m.ui();
    String q = m.params().first("q");
    String title = (q == null || q.isBlank() ? "" : shorten(q) + " — ") + ui.t("brand");
    String atom = m.params().api("/api/search.atom");
    String head = "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"" + Html.esc(atom) + "\" title=\""
        + Html.esc(ui.t("atom")) + "\">";
    StringBuilder main = new StringBuilder();
    main.append(searchPanel(m));
    main.append("<div class=\"layout\">");
    main.append(facets(m));
    main.append("<section class=\"results\" aria-labelledby=\"results-h\">");
    main.append(results(m, atom));
    main.append("</section></div>");
    main.append(embedHelp(m));
    String other = m.params().with("ui", ui.other().lang()).href("/");
    return layout.page(ui, title, head, main.toString(), other, "search-page");
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  private String searchPanel(Model m) {
    Ui ui = m.ui();
    SearchParams p = m.params();
    StringBuilder b = new StringBuilder("<section class=\"search-panel\">");
    b.append("<nav class=\"modes\" aria-label=\"").append(Html.esc(ui.t("mode_search"))).append(" / ")
        .append(Html.esc(ui.t("mode_claim"))).append("\">");
    String keywordHref = p.with("mode", null).href("/");
    String claimHref = p.with("mode", "claim").with("page", null).href("/");
    b.append(modeLink(keywordHref, ui.t("mode_search"), !m.claimMode()));
    b.append(modeLink(claimHref, ui.t("mode_claim"), m.claimMode()));
    b.append("</nav>");
    String hidden = hidden(p, m.claimMode());
    if (m.claimMode()) {
      b.append("<form class=\"claim-form\" method=\"post\" action=\"/\">")
          .append("<label for=\"claim\">").append(Html.esc(ui.t("claim_label"))).append("</label>")
          .append("<textarea id=\"claim\" name=\"claim\" rows=\"4\" dir=\"auto\" maxlength=\"5000\" required>")
          .append(Html.esc(m.claim() == null ? "" : m.claim())).append("</textarea>")
          .append(hidden).append("<input type=\"hidden\" name=\"mode\" value=\"claim\">")
          .append("<button type=\"submit\">").append(Html.esc(ui.t("claim_button"))).append("</button></form>");
    } else {
      String q = p.first("q");
      b.append("<form class=\"search-form\" role=\"search\" method=\"get\" action=\"/\">")
          .append("<label for=\"q\" class=\"search-label\">").append(Html.esc(ui.t("search_label"))).append("</label>")
          .append("<div class=\"field\"><input type=\"search\" id=\"q\" name=\"q\" dir=\"auto\" autocomplete=\"off\"")
          .append(" maxlength=\"1000\" placeholder=\"").append(Html.esc(ui.t("placeholder"))).append("\" value=\"")
          .append(Html.esc(q == null ? "" : q)).append("\">")
          .append("<button type=\"submit\">").append(Html.esc(ui.t("search_button"))).append("</button></div>")
          .append(options(ui, p)).append(hidden).append("</form>");
    }
    return b.append("</section>").toString();
  }

  /** Order and publication period: form controls sent with the query, named as the API names them. */
  private static String options(Ui ui, SearchParams p) {
    StringBuilder b = new StringBuilder("<div class=\"options\">");
    String sort = p.first("sort");
    b.append("<label class=\"option\"><span>").append(Html.esc(ui.t("sort"))).append("</span>")
        .append("<select name=\"sort\" id=\"sort\">");
    for (String[] o : new String[][] {{"", "sort_default"}, {"relevance", "sort_relevance"}, {"newest", "sort_newest"},
        {"oldest", "sort_oldest"}}) {
      boolean on = o[0].isEmpty() ? sort == null : o[0].equals(sort);
      b.append("<option value=\"").append(o[0]).append("\"").append(on ? " selected" : "").append(">")
          .append(Html.esc(ui.t(o[1]))).append("</option>");
    }
    b.append("</select></label>");
    for (String k : DATE_CONTROLS) {
      String v = p.first(k);
      // A date input holds a bare date: a date-time given in the URL shows (and is sent back) as its day.
      String day = v == null ? "" : v.strip().length() >= 10 ? v.strip().substring(0, 10) : v.strip();
      b.append("<label class=\"option\"><span>").append(Html.esc(ui.t("date_" + k))).append("</span>")
          .append("<input type=\"date\" name=\"").append(k).append("\" id=\"").append(k).append("\" value=\"")
          .append(Html.esc(day)).append("\"></label>");
    }
    return b.append("</div>").toString();
  }

  private static final List<String> DATE_CONTROLS = List.of("from", "to");

  private static String modeLink(String href, String label, boolean current) {
    return "<a href=\"" + Html.esc(href) + "\"" + (current ? " aria-current=\"page\" class=\"on\"" : "") + ">"
        + Html.esc(label) + "</a>";
  }

  /** The filters and interface language carried through a form submission. */
  private static String hidden(SearchParams p, boolean claimMode) {
    StringBuilder b = new StringBuilder();
    for (String k : SearchParams.SEARCH) {
      // The query, the order and the dates have their own controls on the search form.
      if (k.equals("q") || (!claimMode && (k.equals("sort") || DATE_CONTROLS.contains(k)))) continue;
      for (String v : p.all(k)) b.append(hiddenInput(k, v));
    }
    if (p.first("ui") != null) b.append(hiddenInput("ui", p.first("ui")));
    return b.toString();
  }

  private static String hiddenInput(String k, String v) {
    return "<input type=\"hidden\" name=\"" + Html.esc(k) + "\" value=\"" + Html.esc(v) + "\">";
  }

  // ---- facets -------------------------------------------------------------------------------------------

  record FacetValue(String value, long count) {}

  record FacetGroup(String name, List<FacetValue> values) {}

  /**
   * Facets as the API gives them, read leniently: {@code {name: [{value, count}]}}, {@code {name: {value:
   * count}}} or {@code [{field|name, values: [...]}]}.
   */
  static List<FacetGroup> facetGroups(JsonNode facets) {
    List<FacetGroup> out = new ArrayList<>();
    if (facets == null || facets.isNull()) return out;
    if (facets.isArray()) {
      for (JsonNode g : facets) {
        String name = text(g, "field", "name", "key");
        if (name != null) out.add(new FacetGroup(name, values(g.has("values") ? g.get("values") : g.get("buckets"))));
      }
    } else if (facets.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = facets.fields(); it.hasNext(); ) {
        var e = it.next();
        out.add(new FacetGroup(e.getKey(), values(e.getValue())));
      }
    }
    return out;
  }

  private static List<FacetValue> values(JsonNode n) {
    List<FacetValue> out = new ArrayList<>();
    if (n == null) return out;
    if (n.isArray()) {
      for (JsonNode v : n) {
        if (v.isTextual()) out.add(new FacetValue(v.asText(), -1));
        String value = text(v, "value", "id", "key", "name");
        if (value != null) out.add(new FacetValue(value, count(v)));
      }
    } else if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        var e = it.next();
        out.add(new FacetValue(e.getKey(), e.getValue().isNumber() ? e.getValue().asLong() : count(e.getValue())));
      }
    }
    return out;
  }

  private static long count(JsonNode v) {
    for (String k : List.of("count", "doc_count", "n", "total")) if (v.has(k) && v.get(k).isNumber()) return v.get(k).asLong();
    return -1;
  }

  static String text(JsonNode n, String... keys) {
    if (n == null || !n.isObject()) return null;
    for (String k : keys) {
      JsonNode v = n.get(k);
      if (v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank()) return v.asText();
    }
    return null;
  }

  private String facets(Model m) {
    Ui ui = m.ui();
    SearchParams p = m.params();
    List<FacetGroup> groups = facetGroups(m.response() == null ? null : m.response().get("facets"));
    boolean fromApi = !groups.isEmpty();
    if (groups.stream().noneMatch(g -> g.name().equals("agency"))) {
      List<FacetValue> agencies = m.agencies().keySet().stream()
          .sorted(Comparator.comparingLong((String id) -> -m.agencyCounts().getOrDefault(id, 0L)))
          .filter(id -> m.agencyCounts().getOrDefault(id, 0L) > 0 || p.has("agency", id))
          .map(id -> new FacetValue(id, -1)).toList();
      groups.add(0, new FacetGroup("agency", agencies));
    }
    if (groups.stream().noneMatch(g -> g.name().equals("language") || g.name().equals("lang"))) {
      groups.add(1, new FacetGroup("lang", List.of(new FacetValue("ar", -1), new FacetValue("en", -1))));
    }
    StringBuilder b = new StringBuilder("<aside class=\"facets\" aria-labelledby=\"filters-h\">");
    b.append("<h2 id=\"filters-h\" class=\"facets-title\">").append(Html.esc(ui.t("filters"))).append("</h2>");
    if (p.filtered()) {
      b.append("<p class=\"clear\"><a href=\"").append(Html.esc(p.withoutFilters().href("/"))).append("\">")
          .append(Html.esc(ui.t("clear_filters"))).append("</a></p>");
    }
    for (FacetGroup g : groups) {
      String param = g.name().equals("language") ? "lang" : g.name();
      if (g.values().isEmpty()) continue;
      String labelKey = "facet_" + (param.equals("lang") ? "language" : param);
      String label = hasLabel(labelKey) ? ui.t(labelKey) : g.name();
      b.append("<section class=\"facet\" data-facet=\"").append(Html.esc(param)).append("\"><h3>")
          .append(Html.esc(label)).append("</h3><ul>");
      List<FacetValue> vals = new ArrayList<>(g.values());
      // Selected values first, so a filter in effect is always visible and removable.
      vals.sort(Comparator.comparing((FacetValue v) -> !p.has(param, v.value())));
      int shown = 0;
      boolean folded = false;
      for (FacetValue v : vals) {
        if (shown == AGENCIES_SHOWN && !fromApi && param.equals("agency") && vals.size() > AGENCIES_SHOWN + 2) {
          b.append("</ul><details><summary>").append(Html.esc(ui.t("more_agencies"))).append("</summary><ul>");
          folded = true;
        }
        b.append(facetItem(ui, p, param, v, m.agencies()));
        shown++;
      }
      b.append(folded ? "</ul></details>" : "</ul>").append("</section>");
    }
    return b.append("</aside>").toString();
  }

  private static boolean hasLabel(String key) {
    try {
      Ui.AR.t(key);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String facetItem(Ui ui, SearchParams p, String param, FacetValue v, Map<String, Agency> agencies) {
    boolean on = p.has(param, v.value());
    String label = switch (param) {
      case "agency" -> agencyName(ui, v.value(), agencies.get(v.value()));
      case "lang" -> v.value().equals("ar") ? ui.t("lang_ar") : v.value().equals("en") ? ui.t("lang_en") : v.value();
      case "type" -> typeLabel(ui, v.value());
      case "status" -> statusLabel(ui, v.value());
      default -> v.value();
    };
    StringBuilder b = new StringBuilder("<li><a class=\"facet-link").append(on ? " on" : "").append("\" href=\"")
        .append(Html.esc(p.toggle(param, v.value()).href("/"))).append("\" data-value=\"")
        .append(Html.esc(v.value())).append("\"");
    if (on) b.append(" aria-current=\"true\" title=\"").append(Html.esc(ui.t("remove_filter"))).append("\"");
    b.append("><span class=\"box\" aria-hidden=\"true\"></span><span class=\"label\" dir=\"auto\">")
        .append(Html.esc(label)).append("</span>");
    if (v.count() >= 0) b.append("<span class=\"count\">").append(number(ui, v.count())).append("</span>");
    return b.append("</a></li>").toString();
  }

  static String agencyName(Ui ui, String id, Agency a) {
    if (a == null) return id;
    String first = ui.arabic() ? a.nameAr() : a.nameEn();
    String second = ui.arabic() ? a.nameEn() : a.nameAr();
    if (first != null && !first.isBlank()) return first;
    if (second != null && !second.isBlank()) return second;
    return id;
  }

  /** The agency name carried by a hit or statement ({@code {id, name_ar, name_en}}). */
  static String agencyName(Ui ui, JsonNode agency) {
    if (agency == null) return "";
    String id = text(agency, "id");
    return agencyName(ui, id == null ? "" : id,
        new Agency(id == null ? "?" : id, text(agency, "name_ar"), text(agency, "name_en"), null, null));
  }

  static String number(Ui ui, long n) {
    return NumberFormat.getIntegerInstance(ui.arabic() ? Locale.forLanguageTag("ar-u-nu-latn") : Locale.ENGLISH).format(n);
  }

  // ---- results ------------------------------------------------------------------------------------------

  private String results(Model m, String atom) {
    Ui ui = m.ui();
    StringBuilder b = new StringBuilder();
    String q = m.params().first("q");
    b.append("<div class=\"results-head\"><h2 id=\"results-h\">");
    if (q == null || q.isBlank()) b.append(Html.esc(ui.t("latest")));
    else if (m.claim() != null) b.append(Html.esc(ui.t("mode_claim")));
    else b.append(Html.esc(ui.t("results_for"))).append(" <q dir=\"auto\">").append(Html.esc(shorten(q))).append("</q>");
    b.append("</h2>");
    if (m.response() != null) {
      long total = m.response().path("total").asLong();
      String count = total == 1 ? ui.t("result_one")
          : (total >= 10_000 ? ui.t("more_than") + " " : "") + number(ui, total) + " " + ui.t("results");
      b.append("<p class=\"count\" role=\"status\">").append(Html.esc(count)).append("</p>");
    }
    b.append("<a class=\"feed\" href=\"").append(Html.esc(atom)).append("\">")
        .append("<span class=\"feed-icon\" aria-hidden=\"true\"></span>").append(Html.esc(ui.t("atom"))).append("</a>");
    b.append("</div>");
    String corrected = m.claim() == null && m.response() != null ? text(m.response(), "did_you_mean") : null;
    if (corrected != null) {
      // The corrected query keeps the filters: it is offered because it finds more under them.
      b.append("<p class=\"did-you-mean\">").append(Html.esc(ui.t("did_you_mean"))).append(" <a href=\"")
          .append(Html.esc(m.params().with("q", corrected).with("page", null).href("/"))).append("\"><bdi dir=\"auto\">")
          .append(Html.esc(corrected)).append("</bdi></a>").append(Html.esc(ui.t("question_mark"))).append("</p>");
    }
    if (m.claim() != null && m.error() == null) {
      b.append("<p class=\"notice\">").append(Html.esc(ui.t("claim_results"))).append("</p>");
    }
    if (m.error() != null) {
      b.append("<div class=\"notice error\" role=\"alert\"><strong>").append(Html.esc(ui.t("bad_request")))
          .append("</strong>: <span dir=\"auto\">").append(Html.esc(m.error())).append("</span></div>");
      return b.toString();
    }
    JsonNode hits = m.response().path("hits");
    if (hits.isEmpty()) {
      b.append("<p class=\"empty\">").append(Html.esc(ui.t("no_results"))).append("</p>");
      return b.toString();
    }
    b.append("<ol class=\"hits\">");
    for (JsonNode h : hits) b.append(hit(ui, m.params(), h));
    b.append("</ol>");
    b.append(pager(m));
    return b.toString();
  }

  private static String hit(Ui ui, SearchParams p, JsonNode h) {
    String id = text(h, "id");
    String lang = text(h, "language");
    String href = "/s/" + SearchParams.enc(id) + (p.first("ui") != null ? "?ui=" + SearchParams.enc(p.first("ui")) : "");
    StringBuilder b = new StringBuilder("<li class=\"hit\"><article");
    if (lang != null) b.append(" lang=\"").append(Html.esc(lang)).append("\"");
    b.append(">");
    // title and snippet are the API's highlighted fragments: the statement text already escaped, with <mark>.
    String title = text(h, "title");
    b.append("<h3 class=\"hit-title\" dir=\"auto\"><a href=\"").append(Html.esc(href)).append("\">")
        .append(title == null || title.isBlank() ? Html.esc(id) : title).append("</a></h3>");
    b.append(meta(ui, h.get("agency"), text(h, "published_at"), h.get("status"), lang));
    String snippet = text(h, "snippet");
    if (snippet != null) b.append("<p class=\"snippet\" dir=\"auto\">").append(snippet).append("</p>");
    return b.append("</article></li>").toString();
  }

  /** Agency, date and verification status of a statement, the line every result and statement shows. */
  static String meta(Ui ui, JsonNode agency, String publishedAt, JsonNode status, String lang) {
    StringBuilder b = new StringBuilder("<p class=\"meta\" lang=\"").append(ui.lang()).append("\">");
    b.append("<span class=\"agency\" dir=\"auto\">").append(Html.esc(agencyName(ui, agency))).append("</span>");
    if (publishedAt != null) b.append("<span class=\"date\">").append(Dates.html(publishedAt, ui)).append("</span>");
    String st = statusText(status);
    if (st != null) {
      b.append("<span class=\"status status-").append(Html.esc(st.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")))
          .append("\">").append(Html.esc(statusLabel(ui, st))).append("</span>");
    }
    if (lang != null && !lang.equals(ui.lang())) {
      b.append("<span class=\"lang-badge\">").append(Html.esc(lang.equals("ar") ? ui.t("lang_ar") : lang.equals("en") ? ui.t("lang_en") : lang)).append("</span>");
    }
    return b.append("</p>").toString();
  }

  /** A status given as text or as an object with a state (or label). */
  static String statusText(JsonNode status) {
    if (status == null || status.isNull()) return null;
    if (status.isValueNode()) return status.asText().isBlank() ? null : status.asText();
    return text(status, "state", "status", "label", "value");
  }

  /** A statement type in the interface language; a type Bayan has no name for shows as it is. */
  static String typeLabel(Ui ui, String type) {
    String key = "type_" + type.toLowerCase(Locale.ROOT);
    return hasLabel(key) ? ui.t(key) : type;
  }

  static String statusLabel(Ui ui, String st) {
    String k = st.toLowerCase(Locale.ROOT);
    if (!ui.arabic()) return st.substring(0, 1).toUpperCase(Locale.ROOT) + st.substring(1).replace('_', ' ');
    return switch (k) {
      case "verified" -> "موثّق";
      case "signed" -> "موقّع";
      case "unverified", "unsigned" -> "غير موثّق";
      case "invalid", "invalid_signature", "bad_signature" -> "توقيع غير صالح";
      case "logged" -> "مسجَّل";
      default -> st;
    };
  }

  private String pager(Model m) {
    Ui ui = m.ui();
    JsonNode r = m.response();
    long total = r.path("total").asLong();
    int size = Math.max(1, r.path("size").asInt(10));
    int page = Math.max(1, r.path("page").asInt(1));
    long last = Math.min((total + size - 1) / size, 10_000 / size);
    if (last <= 1) return "";
    StringBuilder b = new StringBuilder("<nav class=\"pager\" aria-label=\"").append(Html.esc(ui.t("pages"))).append("\"><ul>");
    if (page > 1) b.append(pageLink(m, page - 1, ui.t("prev"), "prev"));
    long from = Math.max(1, page - 2), to = Math.min(last, page + 2);
    if (from > 1) b.append(pageLink(m, 1, "1", null)).append(from > 2 ? "<li class=\"gap\">…</li>" : "");
    for (long i = from; i <= to; i++) {
      if (i == page) {
        b.append("<li><span aria-current=\"page\">").append(number(ui, i)).append("</span></li>");
      } else {
        b.append(pageLink(m, i, number(ui, i), null));
      }
    }
    if (to < last) b.append(to < last - 1 ? "<li class=\"gap\">…</li>" : "").append(pageLink(m, last, number(ui, last), null));
    if (page < last) b.append(pageLink(m, page + 1, ui.t("next"), "next"));
    return b.append("</ul></nav>").toString();
  }

  private static String pageLink(Model m, long page, String label, String rel) {
    String href = m.params().with("page", page == 1 ? null : Long.toString(page)).href("/");
    if (m.claim() != null) href = m.params().with("mode", null).with("page", Long.toString(page)).href("/");
    return "<li><a href=\"" + Html.esc(href) + "\"" + (rel == null ? "" : " rel=\"" + rel + "\"") + ">"
        + Html.esc(label) + "</a></li>";
  }

  // ---- embedding ----------------------------------------------------------------------------------------

  private String embedHelp(Model m) {
    Ui ui = m.ui();
    String o = m.origin();
    String script = "<script src=\"" + o + "/embed.js\" async></script>\n<bayan-search lang=\"" + ui.lang()
        + "\" placeholder=\"" + (ui.arabic() ? "ابحث في البيانات الرسمية" : "Search official statements")
        + "\"></bayan-search>";
    String iframe = "<iframe src=\"" + o + "/embed?ui=" + ui.lang() + "\" title=\""
        + (ui.arabic() ? "بحث بيان" : "Bayan search") + "\" width=\"100%\" height=\"420\" style=\"border:0\"></iframe>";
    return "<section class=\"embed-help\" aria-labelledby=\"embed-h\"><h2 id=\"embed-h\">" + Html.esc(ui.t("embed_title"))
        + "</h2><p>" + Html.esc(ui.t("embed_script")) + "</p><pre dir=\"ltr\"><code>" + Html.esc(script)
        + "</code></pre><p>" + Html.esc(ui.t("embed_iframe")) + "</p><pre dir=\"ltr\"><code>" + Html.esc(iframe)
        + "</code></pre><p class=\"small\">" + Html.esc(ui.t("embed_more")) + " <a href=\"/embed?ui=" + ui.lang()
        + "\">/embed</a></p></section>";
  }
}
