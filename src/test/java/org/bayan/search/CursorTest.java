package org.bayan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Cursors of both kinds survive the round trip, and anything else is a 400 naming the parameter. */
class CursorTest {
  static final long FP = Cursor.fingerprint("q", "filters");

  @Test
  void both_kinds_round_trip() {
    Cursor doc = Cursor.afterDoc(SortOrder.RELEVANCE, Float.floatToIntBits(3.25f), 42);
    assertEquals(doc, Cursor.decode(doc.encode(FP), SortOrder.RELEVANCE, FP));
    for (String key : new String[] {"moi-1", "ant-JA-economy-229-20161116", "بيان/٢٠٢٤ 1", "x".repeat(1024)}) {
      Cursor k = Cursor.afterKey(SortOrder.NEWEST, 1_714_546_800_000L, key);
      assertEquals(k, Cursor.decode(k.encode(FP), SortOrder.NEWEST, FP));
    }
  }

  @Test
  void every_altered_byte_and_every_truncation_is_refused_naming_cursor() {
    for (Cursor c : new Cursor[] {Cursor.afterDoc(SortOrder.OLDEST, 7L, 3), Cursor.afterKey(SortOrder.RELEVANCE, 9L, "notice-12")}) {
      byte[] bytes = Base64.getUrlDecoder().decode(c.encode(FP));
      for (int i = 0; i < bytes.length; i++) {
        byte[] altered = bytes.clone();
        altered[i] ^= 0x41;
        refused(Base64.getUrlEncoder().withoutPadding().encodeToString(altered), c.sort());
        byte[] cut = java.util.Arrays.copyOf(bytes, i);
        refused(Base64.getUrlEncoder().withoutPadding().encodeToString(cut), c.sort());
      }
      byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
      refused(Base64.getUrlEncoder().withoutPadding().encodeToString(longer), c.sort());
      // Made for another search or order.
      refused(c.encode(FP + 1), c.sort());
      refused(c.encode(FP), c.sort() == SortOrder.OLDEST ? SortOrder.NEWEST : SortOrder.OLDEST);
    }
  }

  private static void refused(String raw, SortOrder sort) {
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> Cursor.decode(raw, sort, FP), raw);
    assertTrue(e.getMessage().contains("'cursor'"), e.getMessage());
  }
}
