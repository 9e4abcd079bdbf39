package org.bayan.http.web;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL as a reader reads it: an agency's {@code https://xn--mgbh0fb.example/%D8%A8%D9%8A%D8%A7%D9%86} shown as
 * {@code https://مثال.example/بيان}, which is what their browser's address bar shows. Only for display: the
 * link's {@code href} stays the exact URL. Percent-escapes of ASCII ({@code %20}, {@code %2F}) stay as they are,
 * since decoding them would change what the URL appears to say; so do sequences that are not UTF-8 or that
 * decode to invisible or direction-changing characters (which could make a URL look like another).
 */
final class DisplayUrl {
  private DisplayUrl() {}

  static String of(String url) {
    if (url == null) return null;
    String host = null;
    try {
      host = new URI(url).getHost();
    } catch (URISyntaxException e) {
      // not a URI Java can split: shown with its escapes decoded only
    }
    String out = decodeNonAscii(url);
    if (host != null && host.contains("xn--")) {
      String unicode = IDN.toUnicode(host, IDN.ALLOW_UNASSIGNED);
      if (visible(unicode)) out = out.replaceFirst(Pattern.quote(host), Matcher.quoteReplacement(unicode));
    }
    return out;
  }

  /**
   * {@link #of} as HTML for a left-to-right link: each piece between the URL's delimiters ({@code / . ? & = #})
   * that holds right-to-left letters is isolated, so the pieces stay in the URL's order and each Arabic piece
   * reads right to left within its place (the bidi algorithm would otherwise run neighbouring Arabic segments
   * together and show them in reverse). The text content is the plain display URL.
   */
  static String html(String url) {
    String shown = of(url);
    if (shown == null) return null;
    StringBuilder out = new StringBuilder();
    Matcher piece = PIECE.matcher(shown);
    int at = 0;
    while (piece.find()) {
      out.append(Html.esc(shown.substring(at, piece.start())));
      String p = piece.group();
      out.append(rightToLeft(p) ? "<bdi>" + Html.esc(p) + "</bdi>" : Html.esc(p));
      at = piece.end();
    }
    return out.append(Html.esc(shown.substring(at))).toString();
  }

  private static final Pattern PIECE = Pattern.compile("[^/.?&=#]+");

  private static boolean rightToLeft(String s) {
    return s.codePoints().anyMatch(c -> {
      byte d = Character.getDirectionality(c);
      return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    });
  }

  private static String decodeNonAscii(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      if (s.charAt(i) != '%' || hex(s, i) < 0x80) {
        out.append(s.charAt(i++));
        continue;
      }
      // A run of escaped non-ASCII bytes: one or more UTF-8 characters.
      int start = i;
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      while (i < s.length() && s.charAt(i) == '%' && hex(s, i) >= 0x80) {
        bytes.write(hex(s, i));
        i += 3;
      }
      String decoded = utf8(bytes.toByteArray());
      out.append(decoded != null && visible(decoded) ? decoded : s.substring(start, i));
    }
    return out.toString();
  }

  private static int hex(String s, int at) {
    if (at + 2 >= s.length()) return -1;
    int hi = Character.digit(s.charAt(at + 1), 16), lo = Character.digit(s.charAt(at + 2), 16);
    return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
  }

  private static String utf8(byte[] b) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** No control, format (bidi marks, zero-width), space or unassigned characters. */
  private static boolean visible(String s) {
    return s.codePoints().noneMatch(c -> switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE -> true;
      default -> false;
    });
  }
}
