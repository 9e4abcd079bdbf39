package org.bayan.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The progress line: with the input's size known, the share read and the time left at the rate so far. */
class ProgressTest {
  @Test
  void with_the_input_size_known_the_line_shows_total_percent_and_time_left() {
    assertEquals("5,000 releases, 2 rejected, 500 docs/s, 25% of 40.0 MB, about 30 s left — a.jsonl:5002",
        Progress.line(5_000, 2, "a.jsonl:5002", 10L * 1024 * 1024, 40L * 1024 * 1024, 10));
    assertTrue(Progress.line(1, 0, "f", 1, 1000, 3).contains("about 49 min 57 s left"),
        Progress.line(1, 0, "f", 1, 1000, 3));
    assertTrue(Progress.line(1, 0, "f", 1, 2_000_000, 10).contains("h "), Progress.line(1, 0, "f", 1, 2_000_000, 10));
  }

  @Test
  void without_a_size_or_at_the_end_no_time_left_is_invented() {
    assertEquals("10 releases, 0 rejected, 5 docs/s — f:10", Progress.line(10, 0, "f:10", -1, -1, 2));
    String done = Progress.line(10, 0, "f:10", 2048, 2048, 2);
    assertTrue(done.contains("100% of 2 KB"), done);
    assertFalse(done.contains("left"), done);
  }
}
