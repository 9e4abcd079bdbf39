package org.bayan.http.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.bayan.search.StatementView;
import org.bayan.search.claims.Citations;
import org.bayan.statement.Release;
import org.bayan.statement.StatementVersion;

/** The page of one statement: its text, agency, dates, history, and what a fact-checker needs to cite and verify it. */
final class StatementPage {
  private final Layout layout;

  StatementPage(Layout layout) {
    this.layout = layout;
  }

  /**
   * @param view the version shown
   * @param data the same statement as JSON data, read for fields the API may gain (a verification status)
   * @param history every version, oldest first
   * @param origin scheme, host and port the reader used, for the permalink
   */
  String render(Ui ui, StatementView view, JsonNode data, List<StatementVersion> history, String origin, boolean uiExplicit) {
    Release r = view.version().release();
    int version = view.version().version();
    boolean latest = version == view.versionCount();
    String id = r.id();
    String path = "/s/" + SearchParams.enc(id);
    String uiParam = uiExplicit ? "ui=" + ui.lang() : null;
    String agency = SearchPage.agencyName(ui, Json.agency(view));
    String title = r.title().isBlank() ? id : r.title();
    StringBuilder m = new StringBuilder();
    m.append("<p class=\"crumbs\"><a href=\"").append(uiExplicit ? "/?ui=" + ui.lang() : "/").append("\">")
        .append(ui.arabic() ? "→ " : "← ").append(Html.esc(ui.t("back"))).append("</a></p>");
    String lang = r.language() == null ? "" : " lang=\"" + Html.esc(r.language()) + "\"";
    m.append("<article class=\"statement\"").append(lang).append(">");
    if (!latest) {
      m.append("<p class=\"notice\">").append(Html.esc(ui.t("viewing_old"))).append(" <a href=\"")
          .append(Html.esc(path + (uiParam == null ? "" : "?" + uiParam))).append("\">")
          .append(Html.esc(ui.t("view_latest"))).append("</a></p>");
    }
    m.append("<h1 dir=\"auto\">").append(Html.esc(title)).append("</h1>");
    m.append(SearchPage.meta(ui, Json.agency(view), r.publishedAt(), data.get("status"), r.language()));
    m.append("<div class=\"body\" dir=\"auto\">");
    for (String para : r.body().split("\\R\\s*")) {
      if (!para.isBlank()) m.append("<p>").append(Html.esc(para.strip())).append("</p>");
    }
    m.append("</div></article>");

    m.append("<div class=\"statement-side\">");
    // Facts table.
    m.append("<section class=\"facts\" aria-labelledby=\"facts-h\"><h2 id=\"facts-h\">").append(Html.esc(ui.t("verify"))).append("</h2><dl>");
    fact(m, ui.t("facet_agency"), "<span dir=\"auto\">" + Html.esc(agency) + "</span>");
    String time = Dates.time(r.publishedAt());
    fact(m, ui.t("published"), Dates.html(r.publishedAt(), ui) + (time == null ? "" : " <span class=\"time\" dir=\"ltr\">" + Html.esc(time) + "</span>"));
    fact(m, ui.t("version"), SearchPage.number(ui, version) + " " + Html.esc(ui.t("of")) + " " + SearchPage.number(ui, view.versionCount()));
    fact(m, ui.t("content_hash"), "<code class=\"hash\" dir=\"ltr\">" + Html.esc(view.version().contentHash()) + "</code>");
    if (r.sourceUrl() != null) {
      // Shown decoded (an Arabic path is 12 lines of %D8%.. on a phone) and free to wrap; the href stays exact.
      fact(m, ui.t("source"), "<a class=\"source-url\" href=\"" + Html.esc(r.sourceUrl())
          + "\" rel=\"noopener noreferrer\" dir=\"ltr\">" + DisplayUrl.html(r.sourceUrl()) + "</a>");
    }
    m.append("</dl><ul class=\"verify-links\">");
    m.append(link("/api/statements/" + SearchParams.enc(id) + "?version=" + version, ui.t("json")));
    m.append(link("/api/statements/" + SearchParams.enc(id) + "/proof?version=" + version, ui.t("proof")));
    m.append(link("/api/statements/" + SearchParams.enc(id) + "/versions", ui.t("versions_json")));
    m.append("</ul></section>");

    // Citation.
    String permalink = origin + path + "?version=" + version;
    String date = Dates.gregorian(r.publishedAt(), ui);
    // <bdi> keeps an Arabic title inside an English citation (and the reverse) in its own direction;
    // the copied text is the same without it.
    String hash = Html.esc(view.version().contentHash());
    // The title's own quotation marks become the inner ones, so quotes never nest in the same marks.
    String quoted = Citations.quote(title, ui.arabic() ? "ar" : "en");
    String inner = quoted.substring(1, quoted.length() - 1);
    // The permalink, the hash ("SHA-256: " with its hash) and the source are each isolated left to right whole,
    // so neither the bidi algorithm nor the Arabic around them reorders their parts.
    String link = "<bdi dir=\"ltr\" class=\"cite-url\">" + Html.esc(permalink) + "</bdi>";
    String sha = "<bdi dir=\"ltr\" class=\"cite-hash\">(SHA-256: " + hash + ")</bdi>";
    // The source reads as the address bar shows it (an Arabic path is not a wall of %D8%..), as above.
    String shownSource = r.sourceUrl() == null ? null : Html.esc(DisplayUrl.of(r.sourceUrl()));
    String source = shownSource == null ? "" : ui.arabic()
        ? "، المصدر: <bdi dir=\"ltr\">" + shownSource + "</bdi>"
        : ". Source: <bdi dir=\"ltr\">" + shownSource + "</bdi>";
    String citation = ui.arabic()
        ? bdi(agency) + "، «" + bdi(inner) + "»، " + Html.esc(date) + ". " + link + " " + sha + source
        : bdi(agency) + ", “" + bdi(inner) + ",” " + Html.esc(date) + ". " + link + " " + sha + source;
    m.append("<section class=\"citation\" aria-labelledby=\"cite-h\"><h2 id=\"cite-h\">").append(Html.esc(ui.t("citation")))
        .append("</h2><blockquote id=\"citation-text\" dir=\"").append(ui.dir()).append("\">").append(citation).append("</blockquote>")
        .append("<button type=\"button\" class=\"copy\" data-copy=\"citation-text\" data-copied=\"")
        .append(Html.esc(ui.t("copied"))).append("\" hidden>").append(Html.esc(ui.t("copy"))).append("</button>")
        .append("<span class=\"copy-status\" role=\"status\"></span></section>");

    // History.
    m.append("<section class=\"history\" aria-labelledby=\"hist-h\"><h2 id=\"hist-h\">").append(Html.esc(ui.t("history"))).append("</h2>");
    if (history.size() <= 1) {
      m.append("<p>").append(Html.esc(ui.t("history_none"))).append("</p>");
    } else {
      m.append("<ol class=\"versions\">");
      for (int i = history.size() - 1; i >= 0; i--) {
        StatementVersion v = history.get(i);
        boolean shown = v.version() == version;
        m.append("<li").append(shown ? " class=\"shown\" aria-current=\"true\"" : "").append(">");
        String vhref = path + "?version=" + v.version() + (uiParam == null ? "" : "&" + uiParam);
        m.append("<a href=\"").append(Html.esc(vhref)).append("\">").append(Html.esc(ui.t("version"))).append(' ')
            .append(SearchPage.number(ui, v.version())).append("</a>");
        if (i == history.size() - 1) m.append(" <span class=\"tag\">").append(Html.esc(ui.t("current"))).append("</span>");
        m.append(" <span class=\"muted\">").append(Html.esc(ui.t("stored_at"))).append(" <time datetime=\"")
            .append(Html.esc(v.ingestedAt().toString())).append("\" dir=\"ltr\">")
            .append(Html.esc(v.ingestedAt().toString().substring(0, 16).replace('T', ' '))).append(" UTC</time></span>")
            .append(" <code class=\"hash short\" dir=\"ltr\" title=\"").append(Html.esc(v.contentHash())).append("\">")
            .append(Html.esc(v.contentHash().substring(0, Math.min(12, v.contentHash().length())))).append("…</code>");
        if (i > 0) {
          Release prev = history.get(i - 1).release();
          m.append("<details><summary>").append(Html.esc(ui.t("changes"))).append(' ')
              .append(SearchPage.number(ui, history.get(i - 1).version())).append("</summary><div class=\"diff\" dir=\"auto\">");
          String td = prev.title().equals(v.release().title()) ? null : WordDiff.html(prev.title(), v.release().title());
          if (td != null) m.append("<p class=\"diff-title\">").append(td).append("</p>");
          String bd = WordDiff.html(prev.body(), v.release().body());
          m.append("<p>").append(bd == null ? Html.esc(ui.arabic() ? "النص أطول من أن يُقارن هنا." : "Too long to compare here.") : bd)
              .append("</p></div></details>");
        }
        m.append("</li>");
      }
      m.append("</ol>");
    }
    m.append("</section></div>");
    String other = path + "?ui=" + ui.other().lang() + (latest ? "" : "&version=" + version);
    return layout.page(ui, title + " — " + ui.t("brand"), "", "<div class=\"statement-layout\">" + m + "</div>", other, "statement-page");
  }

  private static String bdi(String text) {
    return "<bdi>" + Html.esc(text) + "</bdi>";
  }

  private static void fact(StringBuilder m, String k, String html) {
    m.append("<div><dt>").append(Html.esc(k)).append("</dt><dd>").append(html).append("</dd></div>");
  }

  private static String link(String href, String label) {
    return "<li><a href=\"" + Html.esc(href) + "\" dir=\"auto\">" + Html.esc(label) + "</a></li>";
  }

  /** JSON views of the statement's parts, read as the search page reads hits. */
  static final class Json {
    private Json() {}

    static JsonNode agency(StatementView v) {
      return org.bayan.http.Json.mapper().valueToTree(v.agency());
    }
  }
}
