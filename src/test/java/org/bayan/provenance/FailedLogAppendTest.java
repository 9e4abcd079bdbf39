package org.bayan.provenance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bayan.testing.DiskFull;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A log append that fails (a full disk) leaves the log as it was, and the next append succeeds. */
class FailedLogAppendTest {
  @TempDir Path dir;

  @Test
  void a_failed_append_leaves_the_log_unchanged_and_the_next_append_succeeds_without_reopening() throws IOException {
    DiskFull disk = new DiskFull();
    for (int n = 1; n <= 2; n++) { // the first write, or half of it landing before the disk is full
      Path d = dir.resolve("n" + n);
      byte[] root;
      try (TransparencyLog log = TransparencyLog.open(d, disk.channels())) {
        log.appendAll(List.of(TransparencyLogTest.entry(0), TransparencyLogTest.entry(1)));
        root = log.root(2);
        long bytes = log.committedBytes();
        disk.fillAfter(n);
        IOException e = assertThrows(IOException.class,
            () -> log.appendAll(List.of(TransparencyLogTest.entry(2), TransparencyLogTest.entry(3))));
        assertTrue(e.getMessage().contains(DiskFull.MESSAGE), e.getMessage());
        assertEquals(2, log.size());
        assertEquals(bytes, Files.size(d.resolve(TransparencyLog.DATA_FILE)), "the torn batch was cut off");
        disk.free();
        assertEquals(2, log.appendAll(List.of(TransparencyLogTest.entry(2), TransparencyLogTest.entry(3))));
      }
      try (TransparencyLog reopened = TransparencyLog.open(d)) {
        assertEquals(4, reopened.size());
        assertArrayEquals(root, reopened.root(2));
        assertTrue(reopened.recoveryNote().isEmpty(), reopened.recoveryNote().orElse(""));
        assertEquals(TransparencyLogTest.entry(3), reopened.entry(3));
      }
    }
    assertEquals(2, disk.faults());
  }
}
