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
 * normalized text are exact duplicates. Near duplicates (an outlet trimming a dateline, adding a sentence)
 * are found with a 64-bit SimHash over 3-word shingles: bodies of at least {@value #MIN_WORDS_FOR_NEAR}
 * words whose SimHashes differ in at most {@value #MAX_HAMMING} bits are the same statement.
 */
public final class Fingerprints {
  /** Shorter bodies have too few shingles for a SimHash to say anything; they only match exactly. */
  public static final int MIN_WORDS_FOR_NEAR = 20;
  /** The Hamming distance threshold (of 64 bits), as in Manku et al., "Detecting near-duplicates for web crawling". */
  public static final int MAX_HAMMING = 3;
  static final int SHINGLE = 3;
  /** A repeated paragraph shorter than this is left alone: "Thank you." may well be said twice. */
  static final int MIN_REPEATED_BLOCK_CHARS = 30;

  private Fingerprints() {}

  /** The fingerprints of one body. */
  public record Fingerprint(long exact, long simhash, boolean nearEligible) {}

  public static Fingerprint of(String body) {
    String norm = normalize(body);
    String[] words = norm.isEmpty() ? new String[0] : norm.split(" ");
    return new Fingerprint(exact(norm), simhash(words), words.length >= MIN_WORDS_FOR_NEAR);
  }

  /** The body's text as compared for duplicates. */
  public static String normalize(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    boolean space = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
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
        sb.append(Character.toLowerCase(c));
        space = false;
      } else if (!space) {
        sb.append(' ');
        space = true;
      }
    }
    int n = sb.length();
    if (n > 0 && sb.charAt(n - 1) == ' ') sb.setLength(n - 1);
    return sb.toString();
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

  static long simhash(String[] words) {
    int[] votes = new int[64];
    int n = Math.max(1, words.length - SHINGLE + 1);
    for (int i = 0; i < n; i++) {
      long h = 0xcbf29ce484222325L; // FNV-1a over the shingle, then mixed: cheap and well spread
      for (int j = i; j < Math.min(words.length, i + SHINGLE); j++) {
        String w = words[j];
        for (int k = 0; k < w.length(); k++) {
          h ^= w.charAt(k);
          h *= 0x100000001b3L;
        }
        h ^= ' ';
        h *= 0x100000001b3L;
      }
      h = mix(h);
      for (int b = 0; b < 64; b++) votes[b] += ((h >>> b) & 1) == 1 ? 1 : -1;
    }
    long out = 0;
    for (int b = 0; b < 64; b++) if (votes[b] > 0) out |= 1L << b;
    return out;
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
