package org.bayan.http.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bayan.http.Json;
import org.bayan.search.DuplicateRef;
import org.bayan.search.claims.ClaimHit;
import org.bayan.search.claims.ClaimResponse;
import org.bayan.search.claims.Evidence;

/**
 * The claim page ({@code /claim?text=…}): a claim box, and for a claim the statements closest to it, each with how
 * much of the claim it covers, a weak-match warning, its evidence sentences, its type, citation and permalink.
 * A lookup is a plain GET, so it can be linked, bookmarked and shared.
 */
final class ClaimPage {
  /**
   * What the page shows. {@code text} is null when no claim was asked (the bare page), blank when an empty one
   * was sent; {@code response} is null unless the lookup ran ({@code error} says why it did not).
   */
  record Model(Ui ui, boolean uiExplicit, String text, Filters filters, ClaimResponse response, String error) {}

  /** The filters a lookup carries besides the claim, as the API names them. */
  record Filters(String lang, List<String> agencies, List<String> types, String from, String to) {
    static final Filters NONE = new Filters(null, List.of(), List.of(), null, null);
  }

  private final Layout layout;

  ClaimPage(Layout layout) {
    this.layout = layout;
  }

  String render(Model m) {
    Ui ui = m.ui();
    String text = m.text() == null ? "" : m.text().strip();
    String title = (text.isEmpty() ? "" : shorten(text) + " — ") + ui.t("mode_claim") + " — " + ui.t("brand");
    // No Atom link: a feed follows a keyword search, and a claim is not one.
    String head = "<link rel=\"stylesheet\" href=\"/static/claim.css\">";
    StringBuilder main = new StringBuilder();
    main.append(panel(m));
    if (m.text() != null) main.append(results(m));
    Ui other = ui.other();
    String switchHref = href(text.isEmpty() ? null : text, m.filters(), other.lang());
    return layout.page(ui, title, head, main.toString(), switchHref, "claim-page");
  }

  /** {@code /claim} with the claim, its filters and the interface language (null: the reader's own). */
  static String href(String text, Filters f, String uiLang) {
    List<String> q = new ArrayList<>();
    if (text != null) q.add("text=" + SearchParams.enc(text));
    if (f.lang() != null) q.add("lang=" + SearchParams.enc(f.lang()));
    for (String a : f.agencies()) q.add("agency=" + SearchParams.enc(a));
    for (String t : f.types()) q.add("type=" + SearchParams.enc(t));
    if (f.from() != null) q.add("from=" + SearchParams.enc(f.from()));
    if (f.to() != null) q.add("to=" + SearchParams.enc(f.to()));
    if (uiLang != null) q.add("ui=" + uiLang);
    return q.isEmpty() ? "/claim" : "/claim?" + String.join("&", q);
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  private String panel(Model m) {
    Ui ui = m.ui();
    Filters f = m.filters();
    String uiParam = m.uiExplicit() ? ui.lang() : null;
    StringBuilder b = new StringBuilder("<section class=\"search-panel\">");
    b.append("<nav class=\"modes\" aria-label=\"").append(Html.esc(ui.t("mode_search"))).append(" / ")
        .append(Html.esc(ui.t("mode_claim"))).append("\">")
        .append("<a href=\"").append(Html.esc(uiParam == null ? "/" : "/?ui=" + uiParam)).append("\">")
        .append(Html.esc(ui.t("mode_search"))).append("</a>")
        .append("<a href=\"").append(Html.esc(href(null, Filters.NONE, uiParam)))
        .append("\" aria-current=\"page\" class=\"on\">").append(Html.esc(ui.t("mode_claim"))).append("</a></nav>");
    b.append("<form class=\"claim-form\" method=\"get\" action=\"/claim\">")
        .append("<label for=\"claim\">").append(Html.esc(ui.t("claim_label"))).append("</label>")
        .append("<textarea id=\"claim\" name=\"text\" rows=\"4\" dir=\"auto\" maxlength=\"5000\" required>")
        .append(Html.esc(m.text() == null ? "" : m.text())).append("</textarea>");
    b.append("<div class=\"claim-options\"><label for=\"claim-type\">").append(Html.esc(ui.t("claim_type")))
        .append("</label><select id=\"claim-type\" name=\"type\"><option value=\"\">")
        .append(Html.esc(ui.t("claim_type_any"))).append("</option>");
    String chosen = f.types().isEmpty() ? null : f.types().getFirst();
    List<String> offered = new ArrayList<>(TypeLabels.DETECTED);
    if (chosen != null && !offered.contains(chosen)) offered.add(chosen);
    for (String t : offered) {
      b.append("<option value=\"").append(Html.esc(t)).append("\"").append(t.equals(chosen) ? " selected" : "")
          .append(">").append(Html.esc(TypeLabels.of(ui, t))).append("</option>");
    }
    b.append("</select>");
    // The other filters of a linked lookup ride along unchanged.
    for (String t : f.types().stream().skip(1).toList()) b.append(hidden("type", t));
    if (f.lang() != null) b.append(hidden("lang", f.lang()));
    for (String a : f.agencies()) b.append(hidden("agency", a));
    if (f.from() != null) b.append(hidden("from", f.from()));
    if (f.to() != null) b.append(hidden("to", f.to()));
    if (uiParam != null) b.append(hidden("ui", uiParam));
    b.append("<button type=\"submit\">").append(Html.esc(ui.t("claim_button"))).append("</button></div></form>");
    return b.append("</section>").toString();
  }

  private static String hidden(String k, String v) {
    return "<input type=\"hidden\" name=\"" + Html.esc(k) + "\" value=\"" + Html.esc(v) + "\">";
  }

  private String results(Model m) {
    Ui ui = m.ui();
    StringBuilder b = new StringBuilder("<section class=\"results claim-results\" aria-labelledby=\"results-h\">");
    b.append("<div class=\"results-head\"><h2 id=\"results-h\">").append(Html.esc(ui.t("claim_heading"))).append("</h2>");
    ClaimResponse r = m.response();
    if (r != null) {
      int n = r.hits().size();
      String count = n == 1 ? ui.t("result_one") : SearchPage.number(ui, n) + " " + ui.t("results");
      b.append("<p class=\"count\" role=\"status\">").append(Html.esc(count)).append("</p>");
    }
    b.append("</div>");
    if (m.error() != null) {
      b.append("<div class=\"notice error\" role=\"alert\"><strong>").append(Html.esc(ui.t("bad_request")))
          .append("</strong>: <span dir=\"auto\">").append(Html.esc(m.error())).append("</span></div>");
      return b.append("</section>").toString();
    }
    b.append("<p class=\"small\">").append(Html.esc(ui.t("claim_results"))).append("</p>");
    if (!r.claimWords().isEmpty()) {
      b.append("<p class=\"claim-words\"><strong>").append(Html.esc(ui.t("claim_words"))).append("</strong> ")
          .append(words(r.claimWords())).append("</p>");
    }
    if (!r.notInIndex().isEmpty()) {
      b.append("<div class=\"notice not-in-index\" role=\"note\"><strong>").append(Html.esc(ui.t("claim_not_in_index")))
          .append("</strong> ").append(words(r.notInIndex())).append(" — ")
          .append(Html.esc(ui.t("claim_not_in_index_note"))).append("</div>");
    }
    if (r.hits().isEmpty()) {
      b.append("<p class=\"empty\">").append(Html.esc(ui.t("claim_none"))).append("</p>");
      return b.append("</section>").toString();
    }
    b.append("<ol class=\"hits\">");
    int i = 0;
    for (ClaimHit h : r.hits()) b.append(hit(m, r, h, ++i));
    return b.append("</ol></section>").toString();
  }

  /** Words of the claim, each escaped in its own isolate so Arabic and Latin words keep their order. */
  private static String words(List<String> words) {
    // In the claim's own direction: an Arabic claim's words read right to left on the English page too.
    StringBuilder b = new StringBuilder("<span class=\"words\" dir=\"auto\">");
    for (String w : words) b.append("<bdi>").append(Html.esc(w)).append("</bdi> ");
    return b.append("</span>").toString();
  }

  private static String percent(Ui ui, double share) {
    long p = Math.round(share * 100);
    return ui.arabic() ? p + "٪" : p + "%";
  }

  private String hit(Model m, ClaimResponse r, ClaimHit h, int rank) {
    Ui ui = m.ui();
    String uiQuery = m.uiExplicit() ? "?ui=" + ui.lang() : "";
    String lang = h.language() == null ? "" : " lang=\"" + Html.esc(h.language()) + "\"";
    StringBuilder b = new StringBuilder("<li class=\"hit claim-hit").append(h.weakMatch() ? " weak" : "").append("\">")
        .append("<article aria-labelledby=\"hit-").append(rank).append("\">");
    if (h.weakMatch()) {
      b.append("<p class=\"weak-warning\" role=\"note\"><strong>").append(Html.esc(ui.t("claim_weak")))
          .append("</strong> ").append(Html.esc(ui.t("claim_weak_note").replace("{n}", percent(ui, r.weakMatchBelow()))))
          .append("</p>");
    }
    // The title is the lookup's HTML fragment: the statement's text escaped once, claim words in <mark>.
    String title = h.title() == null || h.title().isBlank() ? Html.esc(h.id()) : h.title();
    b.append("<h3 class=\"hit-title\" id=\"hit-").append(rank).append("\" dir=\"auto\"").append(lang).append("><a href=\"")
        .append(Html.esc("/s/" + SearchParams.enc(h.id()) + uiQuery)).append("\">").append(title).append("</a></h3>");
    b.append(SearchPage.meta(ui, Json.mapper().valueToTree(h.agency()), h.publishedAt(), null, h.language()));
    b.append("<p class=\"badges\">");
    if (h.type() != null && !h.type().isBlank()) {
      b.append("<span class=\"type-badge type-").append(Html.esc(h.type().replaceAll("[^a-z0-9]+", "-"))).append("\">")
          .append(Html.esc(TypeLabels.of(ui, h.type()))).append("</span>");
    }
    b.append("<span class=\"coverage-badge\">").append(Html.esc(ui.t("claim_covers").replace("{n}", percent(ui, h.coverage().share()))))
        .append("</span></p>");
    b.append("<dl class=\"coverage\">");
    if (!h.coverage().matched().isEmpty()) {
      b.append("<div class=\"has\"><dt>").append(Html.esc(ui.t("claim_has"))).append("</dt><dd>")
          .append(words(h.coverage().matched())).append("</dd></div>");
    }
    if (!h.coverage().missing().isEmpty()) {
      b.append("<div class=\"lacks\"><dt>").append(Html.esc(ui.t("claim_lacks"))).append("</dt><dd>")
          .append(words(h.coverage().missing())).append("</dd></div>");
    }
    b.append("</dl>");
    if (!h.evidence().isEmpty()) {
      b.append("<div class=\"evidence\"><p class=\"label\">").append(Html.esc(ui.t("claim_evidence"))).append("</p>");
      // Each sentence is the lookup's HTML fragment, escaped with the claim words marked.
      for (Evidence e : h.evidence()) b.append("<blockquote dir=\"auto\"").append(lang).append(">").append(e.text()).append("</blockquote>");
      b.append("</div>");
    }
    if (!h.alsoPublishedBy().isEmpty()) {
      b.append("<p class=\"also\">").append(Html.esc(ui.t("claim_also"))).append(' ');
      List<String> links = new ArrayList<>();
      for (DuplicateRef d : h.alsoPublishedBy()) {
        links.add("<a href=\"" + Html.esc("/s/" + SearchParams.enc(d.id()) + uiQuery) + "\"><bdi>"
            + Html.esc(SearchPage.agencyName(ui, Json.mapper().valueToTree(d.agency()))) + "</bdi> "
            + Dates.html(d.publishedAt(), ui) + "</a>");
      }
      b.append(String.join(ui.arabic() ? "، " : ", ", links)).append("</p>");
    }
    String citeId = "citation-" + rank;
    b.append("<div class=\"cite\"><p class=\"label\">").append(Html.esc(ui.t("citation"))).append("</p>")
        .append("<blockquote id=\"").append(citeId).append("\" dir=\"").append("ar".equals(h.language()) ? "rtl" : "ltr")
        .append("\">").append(citation(h.citation()))
        .append("</blockquote><button type=\"button\" class=\"copy\" data-copy=\"").append(citeId)
        .append("\" data-copied=\"").append(Html.esc(ui.t("copied"))).append("\" hidden>").append(Html.esc(ui.t("copy")))
        .append("</button><span class=\"copy-status\" role=\"status\"></span></div>");
    b.append("<p class=\"permalink\">").append(Html.esc(ui.t("claim_permalink"))).append(" <a href=\"")
        .append(Html.esc(h.permalink())).append("\" dir=\"ltr\">").append(Html.esc(h.permalink())).append("</a></p>");
    return b.append("</article></li>").toString();
  }

  // A link or the hash beside Arabic text: the bidi algorithm would reorder their parts (the hash before
  // "SHA-256", a path's segments around its slashes).
  private static final Pattern LEFT_TO_RIGHT = Pattern.compile("https?://\\S+|\\(SHA-256 [0-9a-f]+\\)");

  /**
   * A citation as the statement's language writes it, its permalink, hash and source each isolated left to
   * right, as on the statement page; the copied text is the same.
   */
  static String citation(String text) {
    StringBuilder out = new StringBuilder();
    Matcher m = LEFT_TO_RIGHT.matcher(text);
    int at = 0;
    while (m.find()) {
      out.append(Html.esc(text.substring(at, m.start()))).append("<bdi dir=\"ltr\">").append(Html.esc(m.group()))
          .append("</bdi>");
      at = m.end();
    }
    return out.append(Html.esc(text.substring(at))).toString();
  }

  /** The filters of a request's parameters (absent ones empty). */
  static Filters filters(Map<String, List<String>> params) {
    return new Filters(first(params, "lang"), nonBlank(params.get("agency")), nonBlank(params.get("type")),
        first(params, "from"), first(params, "to"));
  }

  static String first(Map<String, List<String>> params, String k) {
    List<String> v = nonBlank(params.get(k));
    return v.isEmpty() ? null : v.getFirst();
  }

  private static List<String> nonBlank(List<String> v) {
    return v == null ? List.of() : v.stream().filter(s -> s != null && !s.isBlank()).toList();
  }
}
