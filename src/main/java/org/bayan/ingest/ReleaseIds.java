package org.bayan.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Release ids for items that come with a foreign key (a feed guid, an Atom id, a page URL): the agency slug,
 * a colon, and the key reduced to the id characters ({@code A-Z a-z 0-9 . _ : -}). A key too long, or with
 * too little left after reduction, is replaced by a hash of it, so the same key always gives the same id.
 */
public final class ReleaseIds {
  private static final int MAX = 128;

  private ReleaseIds() {}

  public static String of(String agency, String key) {
    String k = key.strip().replaceFirst("^(?i)https?://", "").replaceAll("[^A-Za-z0-9._:-]+", "-")
        .replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
    String id = agency + ":" + k;
    if (k.length() < 3 || id.length() > MAX) id = agency + ":h-" + hash(key.strip());
    return id;
  }

  private static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
