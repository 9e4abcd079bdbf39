package org.bayan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.bayan.statement.Release;
import org.bayan.statement.StatementVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseStoreTest {
  @TempDir Path dir;

  static Release release(String id, String body) {
    return new Release(id, "moi", "عنوان", body, "ar", "2024-05-01T10:00:00+03:00", null, null, null, null, null);
  }

  @Test
  void the_same_content_twice_is_unchanged_and_new_content_is_a_new_version() {
    try (ReleaseStore s = ReleaseStore.open(dir)) {
      assertEquals(AppendResult.Outcome.ADDED, s.append(List.of(release("a", "نص أول"))).getFirst().outcome());
      assertEquals(AppendResult.Outcome.UNCHANGED, s.append(List.of(release("a", "نص أول"))).getFirst().outcome());
      AppendResult r = s.append(List.of(release("a", "نص معدل"))).getFirst();
      assertEquals(AppendResult.Outcome.UPDATED, r.outcome());
      assertEquals(2, r.version().version());
      List<StatementVersion> versions = s.versions("a");
      assertEquals(List.of("نص أول", "نص معدل"), versions.stream().map(v -> v.release().body()).toList());
    }
  }

  @Test
  void everything_acknowledged_is_there_after_reopening() {
    try (ReleaseStore s = ReleaseStore.open(dir)) {
      s.append(List.of(release("a", "1"), release("b", "2")));
      s.append(List.of(release("a", "3")));
    }
    try (ReleaseStore s = ReleaseStore.open(dir)) {
      assertEquals(2, s.statementCount());
      assertEquals("3", s.latest("a").orElseThrow().release().body());
      assertEquals(2, s.latest("a").orElseThrow().version());
      List<Long> seqs = new ArrayList<>();
      s.scan(0, v -> seqs.add(v.seq()));
      assertEquals(List.of(1L, 2L, 3L), seqs);
    }
  }

  @Test
  void a_torn_last_line_is_cut_off_by_the_next_writer_and_the_rest_is_kept() throws Exception {
    Path file;
    try (ReleaseStore s = ReleaseStore.open(dir)) {
      s.append(List.of(release("a", "1"), release("b", "2")));
      file = s.file();
    }
    long good = Files.size(file);
    // What a crash in the middle of an append leaves: part of a line, no newline.
    Files.write(file, "1234abcd {\"seq\":3,\"vers".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    try (ReleaseStore s = ReleaseStore.open(dir)) {
      assertEquals(2, s.statementCount());
      s.append(List.of(release("c", "3")));
      assertTrue(s.lastRepair().orElseThrow().contains("offset " + good), s.lastRepair().toString());
    }
    try (ReleaseStore s = ReleaseStore.open(dir)) {
      assertEquals(3, s.statementCount());
      assertEquals("3", s.latest("c").orElseThrow().release().body());
    }
  }

  @Test
  void damage_in_the_middle_is_reported_with_its_offset_never_skipped() throws Exception {
    Path file;
    try (ReleaseStore s = ReleaseStore.open(dir)) {
      s.append(List.of(release("a", "first")));
      s.append(List.of(release("b", "second")));
      file = s.file();
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(30); // inside the first record's JSON
      f.write('X');
    }
    StoreCorruptException e = assertThrows(StoreCorruptException.class, () -> ReleaseStore.open(dir));
    assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("offset 0"), e.getMessage());
  }

  @Test
  void two_store_instances_on_one_folder_see_each_others_appends() {
    try (ReleaseStore server = ReleaseStore.open(dir); ReleaseStore indexer = ReleaseStore.open(dir)) {
      server.append(List.of(release("a", "1")));
      indexer.append(List.of(release("a", "2")));
      server.refresh();
      assertEquals(2, server.latest("a").orElseThrow().version());
      assertEquals(AppendResult.Outcome.UNCHANGED, server.append(List.of(release("a", "2"))).getFirst().outcome());
    }
  }

  @Test
  void the_same_release_twice_in_one_batch_is_stored_once() {
    try (ReleaseStore s = ReleaseStore.open(dir)) {
      List<AppendResult> r = s.append(List.of(release("a", "1"), release("b", "2"), release("a", "1")));
      assertEquals(List.of(AppendResult.Outcome.ADDED, AppendResult.Outcome.ADDED, AppendResult.Outcome.UNCHANGED),
          r.stream().map(AppendResult::outcome).toList());
      assertEquals(1L, r.get(2).version().seq());
      assertEquals(2, s.lastSeq());
    }
  }

  @Test
  void many_statements_with_several_versions_keep_their_histories_after_reopening() {
    int n = 5_000;
    try (ReleaseStore s = ReleaseStore.open(dir)) {
      List<Release> batch = new ArrayList<>();
      for (int i = 0; i < n; i++) batch.add(release("id-" + i, "v1 " + i));
      s.append(batch);
      batch.clear();
      for (int i = 0; i < n; i += 7) batch.add(release("id-" + i, "v2 " + i));
      batch.add(release("وزارة-1", "معرف بحروف عربية"));
      s.append(batch);
    }
    try (ReleaseStore s = ReleaseStore.open(dir)) {
      assertEquals(n + 1, s.statementCount());
      for (int i = 0; i < n; i++) {
        List<StatementVersion> versions = s.versions("id-" + i);
        List<String> expected = i % 7 == 0 ? List.of("v1 " + i, "v2 " + i) : List.of("v1 " + i);
        assertEquals(expected, versions.stream().map(v -> v.release().body()).toList(), "id-" + i);
        assertEquals(AppendResult.Outcome.UNCHANGED,
            s.append(List.of(release("id-" + i, expected.getLast()))).getFirst().outcome());
      }
      assertEquals("معرف بحروف عربية", s.latest("وزارة-1").orElseThrow().release().body());
      assertTrue(s.latest("id-" + n).isEmpty());
      assertTrue(s.versions("id-").isEmpty());
    }
  }
}
