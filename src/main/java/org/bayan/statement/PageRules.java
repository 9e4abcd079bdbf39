package org.bayan.statement;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How to read an agency's release pages: the URL prefixes its releases live under (the only pages Bayan
 * fetches for it) and CSS selectors for the title, the publication date and the body. A null selector means
 * "use the documented fallback" (og:title or h1; time[datetime] or article:published_time; article or the
 * largest text block).
 *
 * <p>A URL is under a prefix when, both normalized ({@link #normalize}), scheme, host and port are equal and
 * the prefix's path segments begin the URL's: {@code /page} holds {@code /page} and {@code /page/1}, never
 * {@code /pagefoo}, and {@code /page/../huge} is {@code /huge}, outside it.
 */
public record PageRules(List<String> urls, String title, String date, String body) {
  public PageRules {
    urls = urls == null ? List.of() : List.copyOf(urls);
  }

  /** True when {@code url} lies under one of the registered prefixes. */
  public boolean allows(String url) {
    return admit(url).isPresent();
  }

  /** The normalized form of {@code url} when it lies under one of the registered prefixes, else empty. */
  public Optional<String> admit(String url) {
    URI u;
    try {
      u = URI.create(normalize(url));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    for (String prefix : urls) {
      URI p;
      try {
        p = URI.create(normalize(prefix));
      } catch (IllegalArgumentException e) {
        continue; // a prefix that is no URL holds nothing
      }
      if (under(u, p)) return Optional.of(u.toString());
    }
    return Optional.empty();
  }

  private static boolean under(URI u, URI p) {
    if (!u.getScheme().equals(p.getScheme()) || !u.getRawAuthority().equals(p.getRawAuthority())) return false;
    String path = u.getRawPath();
    String prefix = p.getRawPath();
    if (p.getRawQuery() != null) {
      // A prefix with a query names one page and the queries that extend it, not a folder.
      return path.equals(prefix) && u.getRawQuery() != null && u.getRawQuery().startsWith(p.getRawQuery());
    }
    String folder = prefix.endsWith("/") ? prefix : prefix + "/";
    return path.startsWith(folder) || path.equals(folder.substring(0, folder.length() - 1));
  }

  /**
   * {@code url} in the one form that is checked and fetched (RFC 3986 section 6.2.2): scheme and host in lower
   * case, the default port dropped, percent-encoding of unreserved characters decoded and of the rest in upper
   * case, non-ASCII characters percent-encoded as UTF-8, dot segments resolved, the fragment dropped.
   *
   * @throws IllegalArgumentException naming the reason when it is not an absolute http(s) URL of a page: user
   *     information ({@code https://agency.gov@elsewhere/}), or an encoded slash or backslash in the path,
   *     which servers disagree on
   */
  public static String normalize(String url) {
    if (url == null) throw new IllegalArgumentException("no URL");
    URI u;
    try {
      u = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid URL: " + e.getMessage());
    }
    String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
      throw new IllegalArgumentException("not an absolute http(s) URL with a host");
    }
    if (u.getRawUserInfo() != null) throw new IllegalArgumentException("a URL with user information is not a page URL");
    String host = u.getHost().toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
    int port = u.getPort();
    boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    String path = percent(u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath());
    String upper = path.toUpperCase(Locale.ROOT);
    if (upper.contains("%2F") || upper.contains("%5C")) {
      throw new IllegalArgumentException("an encoded '/' or '\\' in the path");
    }
    StringBuilder out = new StringBuilder(scheme).append("://").append(host);
    if (!defaultPort) out.append(':').append(port);
    out.append(removeDotSegments(path));
    if (u.getRawQuery() != null) out.append('?').append(percent(u.getRawQuery()));
    return out.toString();
  }

  // Decodes %XX of unreserved characters, writes other escapes in upper case and encodes what is not ASCII.
  private static String percent(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
        int b = hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2));
        if (unreserved(b)) out.append((char) b);
        else out.append('%').append(Character.toUpperCase(s.charAt(i + 1))).append(Character.toUpperCase(s.charAt(i + 2)));
        i += 2;
      } else if (c == '%') {
        throw new IllegalArgumentException("a '%' that starts no escape");
      } else if (c < 0x80) {
        out.append(c);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
        for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(String.format("%02X", b & 0xff));
        }
        i = end - 1;
      }
    }
    return out.toString();
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }

  private static boolean unreserved(int b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '.'
        || b == '_' || b == '~';
  }

  /** RFC 3986 section 5.2.4 on an absolute path: {@code .} segments vanish, {@code ..} drops the one before. */
  private static String removeDotSegments(String path) {
    Deque<String> kept = new ArrayDeque<>();
    String[] segments = path.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      boolean last = i == segments.length - 1;
      if (s.equals(".") || s.equals("..")) {
        if (s.equals("..") && !kept.isEmpty()) kept.removeLast();
        if (last) kept.addLast(""); // "/a/b/.." is the folder "/a/"
      } else {
        kept.addLast(s);
      }
    }
    return "/" + String.join("/", kept);
  }
}
