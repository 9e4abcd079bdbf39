package org.bayan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.bayan.index.Fields;
import org.junit.jupiter.api.Test;

/**
 * The collapsed total counts each duplicate group once however its members are spread over segments (groups are
 * numbered across the reader), stops at its limit, and counts statements without a group one by one. Generated
 * indexes: random groups, segment cuts, deletions and limits, against a count by name.
 */
class CollapsedCountTest {
  @Test
  void counts_each_group_once_across_segments() throws IOException {
    Random random = new Random(20261204);
    GroupOrdinals numbering = new GroupOrdinals();
    for (int round = 0; round < 60; round++) {
      int docs = 1 + random.nextInt(400);
      int groups = 1 + random.nextInt(docs);
      String[] group = new String[docs];
      boolean[] even = new boolean[docs];
      try (Directory dir = new ByteBuffersDirectory()) {
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
          for (int i = 0; i < docs; i++) {
            Document d = new Document();
            d.add(new StringField(Fields.ID, "s" + i, Field.Store.NO));
            even[i] = random.nextBoolean();
            d.add(new StringField("half", even[i] ? "yes" : "no", Field.Store.NO));
            if (random.nextInt(10) > 0) {
              group[i] = "g" + random.nextInt(groups);
              d.add(new SortedDocValuesField(Fields.DUP_GROUP, new BytesRef(group[i])));
            }
            w.addDocument(d);
            if (random.nextInt(25) == 0) w.commit();
          }
          int deleted = random.nextInt(5);
          for (int k = 0; k < deleted; k++) {
            int i = random.nextInt(docs);
            w.deleteDocuments(new Term(Fields.ID, "s" + i));
            group[i] = "deleted";
            even[i] = false;
          }
          w.commit();
        }
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
          IndexSearcher searcher = new IndexSearcher(reader);
          int limit = 1 + random.nextInt(docs + 10);
          for (boolean half : new boolean[] {false, true}) {
            Query q = half ? new TermQuery(new Term("half", "yes")) : new MatchAllDocsQuery();
            Set<String> names = new HashSet<>();
            long alone = 0;
            for (int i = 0; i < docs; i++) {
              if ("deleted".equals(group[i]) || (half && !even[i])) continue;
              if (group[i] == null) alone++;
              else names.add(group[i]);
            }
            long expected = names.size() + alone;
            CollapsedCount.Result r = searcher.search(q, new CollapsedCount(limit, numbering.of(reader)));
            String what = "round " + round + ", " + reader.leaves().size() + " segments, limit " + limit + ", half " + half;
            assertEquals(Math.min(expected, limit), r.count(), what);
            assertEquals(expected < limit, r.exact(), what);
          }
        }
      }
    }
  }
}
