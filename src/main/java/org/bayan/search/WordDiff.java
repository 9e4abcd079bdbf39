package org.bayan.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level difference of two texts: Myers' O(ND) algorithm over whitespace-separated words, after
 * trimming the common prefix and suffix. Runs of the same operation are merged, their words joined by one
 * space. Past {@value #MAX_EDITS} edits (texts that share almost nothing) the changed middle is reported as
 * one deletion and one insertion rather than spending quadratic memory on it.
 */
public final class WordDiff {
  static final int MAX_EDITS = 2_000;
  private static final Pattern WORD = Pattern.compile("\\S+");

  /** One operation: {@code equal}, {@code delete} (only in the old text) or {@code insert} (only in the new). */
  public record Op(String op, String text) {}

  private WordDiff() {}

  public static List<Op> diff(String from, String to) {
    String[] a = words(from);
    String[] b = words(to);
    int pre = 0;
    while (pre < a.length && pre < b.length && a[pre].equals(b[pre])) pre++;
    int suf = 0;
    while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf].equals(b[b.length - 1 - suf])) suf++;
    List<String[]> raw = new ArrayList<>(); // {op, word}
    for (int i = 0; i < pre; i++) raw.add(new String[] {"equal", a[i]});
    String[] ma = Arrays.copyOfRange(a, pre, a.length - suf);
    String[] mb = Arrays.copyOfRange(b, pre, b.length - suf);
    if (!myers(ma, mb, raw)) {
      for (String w : ma) raw.add(new String[] {"delete", w});
      for (String w : mb) raw.add(new String[] {"insert", w});
    }
    for (int i = a.length - suf; i < a.length; i++) raw.add(new String[] {"equal", a[i]});
    List<Op> out = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    String op = null;
    for (String[] w : raw) {
      if (!w[0].equals(op)) {
        if (op != null) out.add(new Op(op, run.toString()));
        op = w[0];
        run.setLength(0);
      } else {
        run.append(' ');
      }
      run.append(w[1]);
    }
    if (op != null) out.add(new Op(op, run.toString()));
    return out;
  }

  private static String[] words(String s) {
    if (s == null) return new String[0];
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(s);
    while (m.find()) out.add(m.group());
    return out.toArray(new String[0]);
  }

  // Appends the edit script of a → b to out, or returns false (appending nothing) past MAX_EDITS edits.
  private static boolean myers(String[] a, String[] b, List<String[]> out) {
    int n = a.length;
    int m = b.length;
    int max = Math.min(n + m, MAX_EDITS);
    int off = max + 1;
    int[] v = new int[2 * max + 3];
    List<int[]> trace = new ArrayList<>(); // trace[d] = v[k] for k in [-d-1, d+1], before step d
    int found = -1;
    outer:
    for (int d = 0; d <= max; d++) {
      trace.add(Arrays.copyOfRange(v, off - d - 1, off + d + 2));
      for (int k = -d; k <= d; k += 2) {
        int x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1] : v[off + k - 1] + 1;
        int y = x - k;
        while (x < n && y < m && a[x].equals(b[y])) {
          x++;
          y++;
        }
        v[off + k] = x;
        if (x >= n && y >= m) {
          found = d;
          break outer;
        }
      }
    }
    if (found < 0) return false;
    List<String[]> rev = new ArrayList<>();
    int x = n;
    int y = m;
    for (int d = found; d >= 0; d--) {
      int[] t = trace.get(d);
      int base = d + 1; // t[base + k] = v[k]
      int k = x - y;
      int prevK = (k == -d || (k != d && t[base + k - 1] < t[base + k + 1])) ? k + 1 : k - 1;
      int prevX = t[base + prevK];
      int prevY = prevX - prevK;
      if (d == 0) {
        prevX = 0;
        prevY = 0;
      }
      while (x > prevX && y > prevY) {
        rev.add(new String[] {"equal", a[x - 1]});
        x--;
        y--;
      }
      if (d > 0) {
        if (x == prevX) rev.add(new String[] {"insert", b[prevY]});
        else rev.add(new String[] {"delete", a[prevX]});
      }
      x = prevX;
      y = prevY;
    }
    for (int i = rev.size() - 1; i >= 0; i--) out.add(rev.get(i));
    return true;
  }
}
