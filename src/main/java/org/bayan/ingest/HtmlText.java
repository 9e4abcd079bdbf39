package org.bayan.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Turns the HTML of a feed item or a release page into the plain text Bayan stores: markup, scripts and
 * styles dropped, entities decoded, one line per paragraph, spaces collapsed.
 */
public final class HtmlText {
  private HtmlText() {}

  public static String of(String html) {
    if (html == null || html.isBlank()) return "";
    return of(Jsoup.parseBodyFragment(html).body());
  }

  public static String of(Element root) {
    StringBuilder sb = new StringBuilder();
    root.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
          if (!(t.parent() instanceof Element p && (p.nameIs("script") || p.nameIs("style")))) sb.append(t.getWholeText());
        } else if (node instanceof Element e && e.nameIs("br")) {
          sb.append('\n');
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e && e.isBlock()) sb.append('\n');
      }
    });
    StringBuilder out = new StringBuilder(sb.length());
    for (String line : sb.toString().split("\n")) {
      String l = line.replaceAll("[\\s\\u00a0]+", " ").strip();
      if (!l.isEmpty()) out.append(l).append('\n');
    }
    return out.toString().strip();
  }
}
