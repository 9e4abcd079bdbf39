package org.bayan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bayan.statement.Release;
import org.bayan.statement.StatementVersion;
import org.bayan.testing.DiskFull;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store append that fails (a full disk) changes nothing: not the file, not the table, not the next seq. */
class FailedAppendTest {
  @TempDir Path dir;

  static Release release(String id, String body) {
    return new Release(id, "moh", "title " + id, body, "ar", "2024-05-01T10:00:00+03:00", null, null, null, null, null);
  }

  @Test
  void a_failed_append_at_any_write_leaves_no_trace_and_the_next_one_succeeds_without_reopening() {
    DiskFull disk = new DiskFull();
    int cases = 0;
    for (int n = 1; n <= 2; n++) { // an append is one write (2: half of it lands, then the disk is full) and one force
      for (int batch = 1; batch <= 3; batch++) {
        Path d = dir.resolve(n + "-" + batch);
        try (ReleaseStore store = ReleaseStore.open(d, disk.channels())) {
          store.append(List.of(release("a", "first"), release("b", "first")));
          long size = store.endOffset();
          long seq = store.lastSeq();
          List<Release> more = new ArrayList<>();
          for (int i = 0; i < batch; i++) more.add(release("a", "changed " + i)); // versions 2.. of a
          more.add(release("c", "new"));
          disk.fillAfter(n);
          UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> store.append(more));
          assertTrue(e.getMessage().contains(DiskFull.MESSAGE), e.getMessage());
          assertEquals(seq, store.lastSeq(), "a failed append took no sequence number");
          assertEquals(size, store.endOffset());
          assertEquals(1, store.versions("a").size(), "no phantom version in memory");
          assertTrue(store.latest("c").isEmpty());
          assertEquals("first", store.latest("a").orElseThrow().release().body());
          disk.free();
          List<AppendResult> again = store.append(more);
          StatementVersion c = again.getLast().version();
          assertEquals(seq + batch + 1, c.seq(), "no gap after the failure");
          assertEquals(batch + 1, store.versions("a").size());
        }
        try (ReleaseStore reopened = ReleaseStore.open(d)) {
          assertEquals(3 + batch, reopened.lastSeq(), "the folder reopens with every acknowledged version");
          assertEquals("new", reopened.latest("c").orElseThrow().release().body());
          assertTrue(reopened.lastRepair().isEmpty());
        }
        cases++;
      }
    }
    assertTrue(disk.faults() >= cases, disk.faults() + " faults for " + cases + " cases");
  }

  @Test
  void a_repeated_release_in_one_batch_is_stored_once_and_a_change_after_it_is_the_next_version() throws Exception {
    try (ReleaseStore store = ReleaseStore.open(dir)) {
      List<AppendResult> r = store.append(List.of(release("a", "x"), release("a", "x"), release("a", "y")));
      assertEquals(AppendResult.Outcome.ADDED, r.get(0).outcome());
      assertEquals(AppendResult.Outcome.UNCHANGED, r.get(1).outcome());
      assertEquals(1, r.get(1).version().version());
      assertEquals(AppendResult.Outcome.UPDATED, r.get(2).outcome());
      assertEquals(2, r.get(2).version().version());
      assertEquals(2, store.lastSeq());
    }
    assertTrue(Files.size(dir.resolve("releases.log")) > 0);
  }
}
