package org.bayan.index.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fingerprints of a release body for duplicate detection.
 *
 * <p>Text is first normalized the way a reader would not notice: case, Arabic diacritics and tatweel, the
 * alef/yeh/teh-marbuta variants, Arabic-Indic digits, punctuation and spacing. Two bodies with the same
 * normalized text are exact duplicates. Near duplicates (an outlet adding a dateline, dropping a sentence)
 * are found by MinHash over 3-word shingles: bodies of at least {@value #MIN_WORDS_FOR_NEAR} words whose
 * shingle sets have an estimated Jaccard similarity of at least {@value #NEAR_JACCARD} are the same statement.
 */
public final class Fingerprints {
  /** Shorter bodies have too few shingles for a SimHash to say anything; they only match exactly. */
  public static final int MIN_WORDS_FOR_NEAR = 20;
  /**
   * Estimated Jaccard similarity of the shingle sets from which two bodies are one statement. 0.7 keeps a
   * copy with a dateline added and a closing sentence cut (about 0.85 on a 120-word release), and keeps
   * apart two releases that share only boilerplate.
   */
  public static final double NEAR_JACCARD = 0.7;
  /** MinHash values per body: {@value #BANDS} bands of {@value #ROWS} for locality-sensitive lookup. */
  public static final int HASHES = 32;
  static final int BANDS = 8;
  static final int ROWS = HASHES / BANDS;
  static final int SHINGLE = 3;
  /** A repeated paragraph shorter than this is left alone: "Thank you." may well be said twice. */
  static final int MIN_REPEATED_BLOCK_CHARS = 30;

  private Fingerprints() {}

  /** The fingerprints of one body; {@code minhash} is empty for bodies too short to compare that way. */
  public record Fingerprint(long exact, int[] minhash) {
    public boolean nearEligible() {
      return minhash.length == HASHES;
    }
  }

  public static Fingerprint of(String body) {
    String norm = normalize(body);
    String[] words = norm.isEmpty() ? new String[0] : norm.split(" ");
    return new Fingerprint(exact(norm), words.length >= MIN_WORDS_FOR_NEAR ? minhash(words) : new int[0]);
  }

  /** Estimated Jaccard similarity of two MinHash signatures. */
  public static double similarity(int[] a, int[] b) {
    int same = 0;
    for (int i = 0; i < a.length; i++) if (a[i] == b[i]) same++;
    return (double) same / a.length;
  }

  /** The body's text as compared for duplicates. */
  public static String normalize(String text) {
    // A plain char array: this runs over every body twice per indexed version, and StringBuilder's per-char
    // checks were a third of it.
    char[] out = new char[text.length()];
    int n = 0;
    boolean space = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) { // ASCII, most of an English body: the same outcome as below without the Unicode tables
        boolean upper = c >= 'A' && c <= 'Z';
        if (upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
          out[n++] = upper ? (char) (c + ('a' - 'A')) : c;
          space = false;
        } else if (!space) {
          out[n++] = ' ';
          space = true;
        }
        continue;
      }
      if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640') continue; // diacritics, tatweel
      c = switch (c) {
        case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
        case 'ى' -> 'ي';
        case 'ة' -> 'ه';
        default -> c;
      };
      if (c >= '\u0660' && c <= '\u0669') c = (char) ('0' + (c - '\u0660'));
      else if (c >= '\u06F0' && c <= '\u06F9') c = (char) ('0' + (c - '\u06F0'));
      if (Character.isLetterOrDigit(c)) {
        out[n++] = c >= '\u0600' && c <= '\u06FF' ? c : Character.toLowerCase(c); // Arabic has no case
        space = false;
      } else if (!space) {
        out[n++] = ' ';
        space = true;
      }
    }
    if (n > 0 && out[n - 1] == ' ') n--;
    return new String(out, 0, n);
  }

  static long exact(String normalized) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
      long v = 0;
      for (int i = 0; i < 8; i++) v = (v << 8) | (d[i] & 0xff);
      return v;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  static int[] minhash(String[] words) {
    int[] min = new int[HASHES];
    java.util.Arrays.fill(min, Integer.MAX_VALUE);
    int n = Math.max(1, words.length - SHINGLE + 1);
    for (int i = 0; i < n; i++) {
      long h = 0xcbf29ce484222325L; // FNV-1a over the shingle, then one mix per hash function
      for (int j = i; j < Math.min(words.length, i + SHINGLE); j++) {
        String w = words[j];
        for (int k = 0; k < w.length(); k++) {
          h ^= w.charAt(k);
          h *= 0x100000001b3L;
        }
        h ^= ' ';
        h *= 0x100000001b3L;
      }
      // Branch-free, so the compiler can run the hash functions side by side.
      for (int f = 0; f < HASHES; f++) {
        min[f] = Math.min(min[f], (int) (mix(h + SEEDS[f]) >>> 33));
      }
    }
    return min;
  }

  /** The offset of each hash function: 0x9e3779b97f4a7c15 × (f + 1). */
  private static final long[] SEEDS = new long[HASHES];

  static {
    for (int f = 0; f < HASHES; f++) SEEDS[f] = 0x9e3779b97f4a7c15L * (f + 1);
  }

  private static long mix(long z) { // SplitMix64 finalizer
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** The body with repeated blocks shown once, and how many repeats were dropped. */
  public record Deduplicated(String text, int repeatsRemoved) {}

  /**
   * Drops paragraphs that repeat an earlier paragraph of the same body (a block pasted twice), and a body
   * that is its own first half said twice. The store keeps the text as published; this is what is indexed
   * and shown in snippets, so a repeat neither fills a snippet nor counts twice in ranking.
   */
  public static Deduplicated removeRepeatedBlocks(String body) {
    String whole = doubled(body);
    if (whole != null) return new Deduplicated(whole, 1);
    String[] paragraphs = body.split("\n");
    if (paragraphs.length < 2) return new Deduplicated(body, 0);
    Set<String> seen = new HashSet<>();
    List<String> kept = new ArrayList<>(paragraphs.length);
    int removed = 0;
    for (String p : paragraphs) {
      String key = normalize(p);
      if (key.length() >= MIN_REPEATED_BLOCK_CHARS && !seen.add(key)) {
        removed++;
        continue;
      }
      kept.add(p);
    }
    return removed == 0 ? new Deduplicated(body, 0) : new Deduplicated(String.join("\n", kept), removed);
  }

  // "X X" where X is long enough: returns X, else null.
  private static String doubled(String body) {
    String s = body.strip();
    int len = s.length();
    if (len < 2 * MIN_REPEATED_BLOCK_CHARS) return null;
    for (int half = len / 2 - 2; half <= len / 2 + 1; half++) {
      if (half <= 0 || half >= len) continue;
      String a = s.substring(0, half).strip();
      String b = s.substring(half).strip();
      if (a.length() >= MIN_REPEATED_BLOCK_CHARS && a.equals(b)) return a;
    }
    return null;
  }
}
