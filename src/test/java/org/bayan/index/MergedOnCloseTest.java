package org.bayan.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.statement.Release;
import org.bayan.statement.StatementVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index left with more segments than Lucene's merge policy allows (by a load whose merges had not finished
 * at close) is merged and committed when its writer closes; and a load committed in many small steps (each commit flushes a segment) ends, once the index is closed, with
 * the segments Lucene's merge policy settles on, not with every flushed segment: the next start searches
 * that merged commit, holding the same documents at the same store offset.
 */
class MergedOnCloseTest {
  @TempDir Path dir;

  // Segments this small all count as the policy's floor size: one tier, which it keeps to segmentsPerTier.
  private static final int ALLOWED = (int) new TieredMergePolicy().getSegmentsPerTier();

  private static StatementVersion version(long seq) {
    Release r = new Release("s-" + seq, "moh", "notice " + seq, "the ministry announced measure " + seq
        + " on water and roads in district " + (seq % 17), "en", "2024-05-01", null, null, null, null, null);
    return new StatementVersion(seq, r, 1, "h" + seq, Instant.EPOCH);
  }

  @Test
  void pending_merges_are_finished_and_committed_at_close() throws Exception {
    int segments = 3 * ALLOWED;
    try (AnalyzerRegistry analyzers = AnalyzerRegistry.load(Path.of("analyzers"))) {
      // Bayan's own documents, one segment each, committed with merging off: what a close that dropped its
      // merges left behind.
      try (FSDirectory d = FSDirectory.open(dir);
          IndexWriter w = new IndexWriter(d, new IndexWriterConfig(LuceneIndex.analyzer(analyzers))
              .setMergePolicy(NoMergePolicy.INSTANCE))) {
        for (long seq = 1; seq <= segments; seq++) {
          w.addDocument(StatementDocuments.toDocument(StatementDocuments.prepare(version(seq), w.getAnalyzer()), seq));
          w.flush();
        }
        w.setLiveCommitData(Map.of(LuceneIndex.STORE_OFFSET, "777").entrySet());
        w.commit();
      }
      assertEquals(segments, segmentCount());
      LuceneIndex.open(dir, analyzers).close();
      assertTrue(segmentCount() <= ALLOWED, segmentCount() + " segments after close, the policy allows " + ALLOWED);
      try (LuceneIndex reopened = LuceneIndex.open(dir, analyzers)) {
        assertEquals(777, reopened.appliedOffset(), "the merged commit covers the same store offset");
        IndexSearcher s = reopened.acquire();
        try {
          assertEquals(segments, s.getIndexReader().numDocs());
        } finally {
          reopened.release(s);
        }
      }
    }
  }

  private int segmentCount() throws Exception {
    try (FSDirectory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
      return reader.leaves().size();
    }
  }

  @Test
  void a_load_committed_in_many_steps_reopens_merged_as_the_policy_intends() throws Exception {
    int commits = 40;
    int perCommit = 25;
    long offset = 0;
    try (AnalyzerRegistry analyzers = AnalyzerRegistry.load(Path.of("analyzers"))) {
      try (LuceneIndex index = LuceneIndex.open(dir, analyzers)) {
        long seq = 1;
        for (int c = 0; c < commits; c++) {
          List<StatementVersion> batch = new ArrayList<>();
          for (int i = 0; i < perCommit; i++, seq++) batch.add(version(seq));
          index.apply(batch);
          offset = seq * 100;
          index.setAppliedOffset(offset);
          index.commit(offset);
        }
      }
      try (FSDirectory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
        assertEquals(commits * perCommit, reader.numDocs(), "every document committed is there");
        assertEquals(Long.toString(offset), reader.getIndexCommit().getUserData().get(LuceneIndex.STORE_OFFSET));
        int segments = reader.leaves().size();
        assertTrue(segments <= ALLOWED, segments + " segments after close, the merge policy allows " + ALLOWED);
      }
      try (LuceneIndex reopened = LuceneIndex.open(dir, analyzers)) {
        assertEquals(offset, reopened.appliedOffset(), "the replay starts after the last commit's offset");
      }
    }
  }
}
