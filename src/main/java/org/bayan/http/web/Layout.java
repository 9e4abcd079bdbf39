package org.bayan.http.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The page shell ({@code web/layout.html}) with the masthead and footer every page shares. */
final class Layout {
  private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");
  private final Assets assets;

  Layout(Assets assets) {
    this.assets = assets;
  }

  /**
   * Fills the template's slots in one pass over the template only, so text inside a value (a statement that
   * contains "{{body}}", say) is never read as a slot.
   */
  static String fill(String template, Map<String, String> slots) {
    Matcher m = SLOT.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 4096);
    while (m.find()) {
      String v = slots.get(m.group(1));
      if (v == null) throw new IllegalArgumentException("template slot {{" + m.group(1) + "}} has no value");
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * A whole page. {@code title} is plain text (escaped here); {@code head} and {@code main} are HTML built from
   * escaped parts; {@code switchHref} is where the language switch leads.
   */
  String page(Ui ui, String title, String head, String main, String switchHref, String bodyClass) {
    String masthead = """
        <header class="masthead"><div class="wrap bar">
        <a class="brand" href="%s"><span class="logo" lang="ar">بيان</span><span class="tagline">%s</span></a>
        <nav class="top-nav" aria-label="%s"><a href="%s" lang="%s" hreflang="%s">%s</a></nav>
        </div></header>
        """.formatted(ui.arabic() ? "/" : "/?ui=en", Html.esc(ui.t("tagline")), Html.esc(ui.t("switch")),
        Html.esc(switchHref), ui.other().lang(), ui.other().lang(), Html.esc(ui.t("switch")));
    String footer = "<footer class=\"site-footer\"><div class=\"wrap\"><p>" + Html.esc(ui.t("footer"))
        + "</p></div></footer>";
    return fill(assets.text("layout.html"), Map.of(
        "lang", ui.lang(), "dir", ui.dir(), "title", Html.esc(title), "head", head, "bodyClass", bodyClass,
        "skip", Html.esc(ui.arabic() ? "انتقل إلى المحتوى" : "Skip to content"),
        "body", masthead + "<main id=\"main\" class=\"wrap\">" + main + "</main>" + footer));
  }
}
