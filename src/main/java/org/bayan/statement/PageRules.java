package org.bayan.statement;

import java.util.List;

/**
 * How to read an agency's release pages: the URL prefixes its releases live under (the only pages Bayan
 * fetches for it) and CSS selectors for the title, the publication date and the body. A null selector means
 * "use the documented fallback" (og:title or h1; time[datetime] or article:published_time; article or the
 * largest text block).
 */
public record PageRules(List<String> urls, String title, String date, String body) {
  public PageRules {
    urls = urls == null ? List.of() : List.copyOf(urls);
  }

  /** True when {@code url} lies under one of the registered prefixes. */
  public boolean allows(String url) {
    return url != null && urls.stream().anyMatch(url::startsWith);
  }
}
