package org.bayan.index.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FingerprintsTest {
  @Test
  void normalization_ignores_what_a_reader_does_not_see() {
    assertEquals("الحكومه تعلن 2024 الميزانيه", Fingerprints.normalize("الحُكومة تُعلـــن ٢٠٢٤: الميزانيّة!"));
    assertEquals("ministry of health", Fingerprints.normalize("  Ministry   of\nHEALTH. "));
    assertEquals("اعلن اسلام", Fingerprints.normalize("أعلن إسلام"));
  }

  @Test
  void identical_text_up_to_spacing_and_diacritics_has_one_exact_fingerprint() {
    assertEquals(Fingerprints.of("قررت الوزارة  تمديد العطلة").exact(), Fingerprints.of("قرّرت الوزارة تمديد العطلة").exact());
    assertNotEquals(Fingerprints.of("قررت الوزارة تمديد العطلة").exact(), Fingerprints.of("قررت الوزارة إلغاء العطلة").exact());
  }

  @Test
  void short_bodies_are_never_near_duplicates() {
    assertFalse(Fingerprints.of("شكرا لكم").nearEligible());
    assertTrue(Fingerprints.of("كلمة ".repeat(Fingerprints.MIN_WORDS_FOR_NEAR)).nearEligible());
  }

  @Test
  void a_body_said_twice_and_a_paragraph_pasted_twice_are_shown_once() {
    String p = "This paragraph was pasted twice into the release by mistake.";
    assertEquals(new Fingerprints.Deduplicated(p, 1), Fingerprints.removeRepeatedBlocks(p + " " + p));
    assertEquals(new Fingerprints.Deduplicated(p + "\nSecond.", 1), Fingerprints.removeRepeatedBlocks(p + "\nSecond.\n" + p));
    assertEquals(0, Fingerprints.removeRepeatedBlocks("Yes.\nYes.").repeatsRemoved(), "short lines may repeat");
  }

  @Test
  void groups_join_by_exact_text_or_a_close_simhash() {
    DuplicateGroups groups = new DuplicateGroups();
    String base = "the ministry of health announced today a national vaccination campaign against measles that will "
        + "run for three weeks in all regions and will target children under five years of age";
    long g = groups.assign(Fingerprints.of(base));
    assertEquals(g, groups.assign(Fingerprints.of(base.toUpperCase())));
    assertEquals(g, groups.assign(Fingerprints.of("RIYADH: " + base)));
    assertNotEquals(g, groups.assign(Fingerprints.of("the ministry of finance published the quarterly budget report "
        + "showing revenue growth in oil and non oil sectors and a smaller deficit than expected by analysts")));
  }

  @Test
  void exact_copies_restored_from_an_index_file_one_signature_and_still_join_near_copies() {
    DuplicateGroups groups = new DuplicateGroups();
    String base = "the ministry of health announced today a national vaccination campaign against measles that will "
        + "run for three weeks in all regions and will target children under five years of age";
    Fingerprints.Fingerprint fp = Fingerprints.of(base);
    for (int i = 0; i < 7; i++) groups.remember(fp, fp.exact());
    assertEquals(1, groups.signatures());
    assertEquals(fp.exact(), groups.assign(Fingerprints.of("RIYADH: " + base)));
  }
}
