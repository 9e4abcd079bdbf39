package org.bayan.provenance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransparencyLogTest {
  @TempDir Path dir;

  static LogEntry entry(int i) {
    String hash = String.format("%064x", i);
    return new LogEntry("stmt-" + i, 1 + i % 3, hash, "agency-" + (i % 5), i % 2 == 0 ? "valid" : "unsigned",
        Instant.ofEpochSecond(1_700_000_000L + i, (i % 7) * 1_000_000L));
  }

  private Path data() {
    return dir.resolve(TransparencyLog.DATA_FILE);
  }

  @Test
  void entries_survive_reopening_and_roots_match_the_merkle_tree() throws IOException {
    List<byte[]> leaves = new ArrayList<>();
    try (TransparencyLog log = TransparencyLog.open(dir)) {
      assertEquals(0, log.size());
      assertTrue(log.recoveryNote().isEmpty());
      for (int i = 0; i < 20; i++) {
        assertEquals(i, log.append(entry(i)));
        leaves.add(entry(i).leafHash());
      }
      assertEquals(20, log.appendAll(List.of(entry(20), entry(21), entry(22))));
      for (int i = 20; i < 23; i++) leaves.add(entry(i).leafHash());
    }
    try (TransparencyLog log = TransparencyLog.open(dir)) {
      assertTrue(log.recoveryNote().isEmpty(), () -> log.recoveryNote().get());
      assertEquals(23, log.size());
      for (int i = 0; i < 23; i++) {
        assertEquals(entry(i), log.entry(i));
        assertArrayEquals(leaves.get(i), log.leafHash(i));
        assertArrayEquals(MerkleTree.leafHash(log.entryBytes(i)), log.leafHash(i));
      }
      assertEquals(List.of(entry(3), entry(4)), log.entries(3, 5));
      MerkleTreeTest.ListLeaves ref = new MerkleTreeTest.ListLeaves();
      leaves.forEach(ref::add);
      for (int n = 0; n <= 23; n++) assertArrayEquals(MerkleTreeTest.naiveRoot(ref.hashes.subList(0, n)), log.root(n));
      assertTrue(MerkleVerifier.verifyInclusion(7, 23, log.leafHash(7), log.inclusionProof(7, 23), log.root(23)));
      assertTrue(MerkleVerifier.verifyConsistency(9, 23, log.root(9), log.root(23), log.consistencyProof(9, 23)));
      assertThrows(IndexOutOfBoundsException.class, () -> log.entry(23));
    }
  }

  @Test
  void the_canonical_entry_json_is_sorted_and_compact() {
    String json = new String(entry(1).canonicalBytes(), StandardCharsets.UTF_8);
    assertEquals("{\"agency\":\"agency-1\",\"content_hash\":\"" + "0".repeat(63) + "1\",\"id\":\"stmt-1\","
        + "\"ingested_at\":\"2023-11-14T22:13:21.001Z\",\"signature_status\":\"unsigned\",\"version\":2}", json);
  }

  @Test
  void a_torn_final_record_is_cut_off_at_every_possible_length() throws IOException {
    try (TransparencyLog log = TransparencyLog.open(dir)) {
      for (int i = 0; i < 3; i++) log.append(entry(i));
    }
    byte[] full = Files.readAllBytes(data());
    long goodEnd;
    try (TransparencyLog log = TransparencyLog.open(dir)) {
      goodEnd = offsetOf(full, 2);
    }
    for (long cut = goodEnd + 1; cut < full.length; cut++) {
      Files.write(data(), java.util.Arrays.copyOf(full, (int) cut));
      try (TransparencyLog log = TransparencyLog.open(dir)) {
        assertEquals(2, log.size(), "cut at " + cut);
        assertTrue(log.recoveryNote().orElse("").contains("torn tail"), "cut at " + cut);
      }
      assertEquals(goodEnd, Files.size(data()), "repaired length after cut at " + cut);
    }
  }

  @Test
  void a_bad_crc_on_the_last_record_or_trailing_zeros_count_as_torn() throws IOException {
    try (TransparencyLog log = TransparencyLog.open(dir)) {
      for (int i = 0; i < 3; i++) log.append(entry(i));
    }
    byte[] full = Files.readAllBytes(data());
    byte[] bad = full.clone();
    bad[bad.length - 3] ^= 0x40;
    Files.write(data(), bad);
    try (TransparencyLog log = TransparencyLog.open(dir)) {
      assertEquals(2, log.size());
      assertTrue(log.recoveryNote().get().contains("CRC mismatch on the final record"), log.recoveryNote().get());
      log.append(entry(9)); // the repaired log takes appends again
    }
    try (TransparencyLog log = TransparencyLog.open(dir)) {
      assertEquals(3, log.size());
      assertEquals(entry(9), log.entry(2));
      assertTrue(log.recoveryNote().isEmpty());
    }
    long len = Files.size(data());
    try (FileChannel ch = FileChannel.open(data(), StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.allocate(4096), len); // a crash after the size grew but before the data landed
    }
    try (TransparencyLog log = TransparencyLog.open(dir)) {
      assertEquals(3, log.size());
      assertTrue(log.recoveryNote().isPresent());
    }
    assertEquals(len, Files.size(data()));
  }

  @Test
  void a_batch_missing_its_commit_record_is_dropped_whole() throws IOException {
    try (TransparencyLog log = TransparencyLog.open(dir)) {
      log.append(entry(0));
      log.appendAll(List.of(entry(1), entry(2), entry(3)));
    }
    byte[] full = Files.readAllBytes(data());
    Files.write(data(), java.util.Arrays.copyOf(full, (int) offsetOf(full, 3))); // records 1, 2 intact
    try (TransparencyLog log = TransparencyLog.open(dir)) {
      assertEquals(1, log.size());
      assertTrue(log.recoveryNote().get().contains("2 unacknowledged"), log.recoveryNote().get());
    }
  }

  @Test
  void damage_before_the_last_record_is_corruption_naming_file_and_offset() throws IOException {
    try (TransparencyLog log = TransparencyLog.open(dir)) {
      for (int i = 0; i < 3; i++) log.append(entry(i));
    }
    byte[] full = Files.readAllBytes(data());
    long second = offsetOf(full, 1);
    byte[] bad = full.clone();
    bad[(int) second + 50] ^= 0x01;
    Files.write(data(), bad);
    CorruptLogException e = assertThrows(CorruptLogException.class, () -> TransparencyLog.open(dir));
    assertEquals(second, e.offset());
    assertTrue(e.getMessage().contains(data().toString()) && e.getMessage().contains("offset " + second),
        e.getMessage());
    assertEquals(full.length, Files.size(data()), "a corrupt log is left as it was");
    // The lock is released on failure, so the operator can repair and reopen.
    Files.write(data(), full);
    try (TransparencyLog log = TransparencyLog.open(dir)) {
      assertEquals(3, log.size());
    }
    bad = full.clone();
    bad[0] = 'X';
    Files.write(data(), bad);
    assertTrue(assertThrows(CorruptLogException.class, () -> TransparencyLog.open(dir)).getMessage()
        .contains("bad magic"));
  }

  @Test
  void a_damaged_length_in_the_middle_is_not_mistaken_for_a_torn_tail() throws IOException {
    try (TransparencyLog log = TransparencyLog.open(dir)) {
      for (int i = 0; i < 3; i++) log.append(entry(i));
    }
    byte[] full = Files.readAllBytes(data());
    long second = offsetOf(full, 1);
    byte[] bad = full.clone();
    ByteBuffer.wrap(bad).putInt((int) second, 60_000); // now runs past the end of the file
    Files.write(data(), bad);
    CorruptLogException e = assertThrows(CorruptLogException.class, () -> TransparencyLog.open(dir));
    assertEquals(second, e.offset());
    assertTrue(e.getMessage().contains("valid record follows"), e.getMessage());
  }

  @Test
  void a_second_writer_is_refused_while_the_log_is_open() throws IOException {
    try (TransparencyLog log = TransparencyLog.open(dir)) {
      IOException e = assertThrows(IOException.class, () -> TransparencyLog.open(dir));
      assertTrue(e.getMessage().contains(TransparencyLog.LOCK_FILE), e.getMessage());
    }
    TransparencyLog.open(dir).close();
  }

  @Test
  void readers_verify_proofs_while_a_writer_appends() throws Exception {
    try (TransparencyLog log = TransparencyLog.open(dir)) {
      log.append(entry(0));
      AtomicReference<Throwable> failure = new AtomicReference<>();
      List<Thread> readers = new ArrayList<>();
      Thread writer = new Thread(() -> {
        try {
          for (int i = 1; i < 400; i++) {
            if (i % 10 == 0) log.appendAll(List.of(entry(i), entry(i + 10_000)));
            else log.append(entry(i));
          }
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        }
      });
      for (int r = 0; r < 4; r++) {
        readers.add(new Thread(() -> {
          try {
            while (writer.isAlive()) {
              long n = log.size();
              long m = n / 2;
              byte[] root = log.root(n);
              if (!MerkleVerifier.verifyInclusion(m, n, log.leafHash(m), log.inclusionProof(m, n), root)
                  || !MerkleVerifier.verifyConsistency(1 + m, n, log.root(1 + m), root, log.consistencyProof(1 + m, n))
                  || !log.entry(m).equals(log.entry(m))) {
                throw new AssertionError("proof failed at size " + n);
              }
            }
          } catch (Throwable t) {
            failure.compareAndSet(null, t);
          }
        }));
      }
      writer.start();
      readers.forEach(Thread::start);
      writer.join();
      for (Thread t : readers) t.join();
      if (failure.get() != null) throw new AssertionError(failure.get());
      assertEquals(439, log.size());
    }
  }

  @Test
  void acknowledged_entries_survive_kill_9_of_the_writer_process() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        LogWriterProcess.class.getName(), dir.toString()).redirectErrorStream(true);
    long acked = 0;
    for (int round = 0; round < 2; round++) {
      Process p = pb.start();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        int seen = 0;
        while ((line = out.readLine()) != null) {
          if (line.startsWith("acked ")) {
            acked = Long.parseLong(line.split(" ")[2]);
            if (++seen == 150) {
              // Other processes hold the log's lock while the writer lives.
              assertThrows(IOException.class, () -> TransparencyLog.open(dir));
              p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no close
              break; // destroying also closes our end of its output
            }
          } else if (!line.startsWith("open ")) {
            throw new AssertionError("writer process said: " + line);
          }
        }
      }
      p.waitFor();
      try (TransparencyLog log = TransparencyLog.open(dir)) {
        assertTrue(log.size() >= acked, "size " + log.size() + " < acknowledged " + acked);
        for (long i = 0; i < log.size(); i++) log.entry(i);
        acked = log.size();
      }
    }
    assertFalse(acked == 0);
  }

  /** Offset of record {@code index}, walking the framing as a format check of its own. */
  static long offsetOf(byte[] file, int index) {
    ByteBuffer b = ByteBuffer.wrap(file);
    long pos = TransparencyLog.HEADER;
    for (int i = 0; i < index; i++) pos += TransparencyLog.HEADER + b.getInt((int) pos);
    return pos;
  }
}
