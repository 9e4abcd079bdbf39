package org.bayan.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.bayan.analysis.AnalyzerRegistry;
import org.junit.jupiter.api.Test;

/** Tokens analyzed ahead and replayed to the writer index exactly what analyzing in the writer indexes. */
class CapturedTokensTest {
  static final List<String> TEXTS = List.of(
      "أعلنت وزارةُ الصحة، اليوم الأحد ٢٠٢٤م، عن خطة جديدة لمكافحة الإنفلونزا في المدارس والجامعات.",
      "The Ministry's spokesman said the 2024 budget wasn't approved; officials denied reports of cuts.",
      "",
      "   ",
      "نص قصير with mixed English words, U.S.A. and e-mail: someone@example.org 3.5%");

  @Test
  void postingsPositionsOffsetsAndNormsAreTheSame() throws Exception {
    try (AnalyzerRegistry analyzers = AnalyzerRegistry.load(Path.of("analyzers"))) {
      Analyzer analyzer = LuceneIndex.analyzer(analyzers);
      List<String> fields = new ArrayList<>();
      for (String lang : Fields.LANGUAGES) {
        for (String f : List.of(Fields.title(lang), Fields.body(lang))) {
          fields.add(f);
          fields.add(Fields.exact(f));
        }
      }
      try (ByteBuffersDirectory direct = new ByteBuffersDirectory();
          ByteBuffersDirectory replayed = new ByteBuffersDirectory()) {
        try (IndexWriter a = new IndexWriter(direct, new IndexWriterConfig(analyzer));
            IndexWriter b = new IndexWriter(replayed, new IndexWriterConfig(analyzer))) {
          for (String text : TEXTS) {
            Document da = new Document();
            Document db = new Document();
            for (String f : fields) {
              da.add(new Field(f, text, StatementDocuments.ANALYZED));
              db.add(new Field(f, CapturedTokens.of(analyzer, f, text).stream(), StatementDocuments.ANALYZED));
            }
            a.addDocument(da);
            b.addDocument(db);
          }
        }
        try (DirectoryReader ra = DirectoryReader.open(direct); DirectoryReader rb = DirectoryReader.open(replayed)) {
          LeafReader la = ra.leaves().getFirst().reader();
          LeafReader lb = rb.leaves().getFirst().reader();
          for (String f : fields) assertSame(f, la, lb);
        }
      }
    }
  }

  private static void assertSame(String field, LeafReader a, LeafReader b) throws Exception {
    Terms ta = a.terms(field);
    Terms tb = b.terms(field);
    assertNotNull(ta, field);
    assertEquals(ta.size(), tb.size(), field);
    TermsEnum ea = ta.iterator();
    TermsEnum eb = tb.iterator();
    for (BytesRef t = ea.next(); t != null; t = ea.next()) {
      assertEquals(t, eb.next(), field);
      PostingsEnum pa = ea.postings(null, PostingsEnum.ALL);
      PostingsEnum pb = eb.postings(null, PostingsEnum.ALL);
      for (int d = pa.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = pa.nextDoc()) {
        assertEquals(d, pb.nextDoc());
        assertEquals(pa.freq(), pb.freq());
        for (int i = 0; i < pa.freq(); i++) {
          assertEquals(pa.nextPosition(), pb.nextPosition(), field + " " + t.utf8ToString());
          assertEquals(pa.startOffset(), pb.startOffset());
          assertEquals(pa.endOffset(), pb.endOffset());
        }
      }
      assertEquals(PostingsEnum.NO_MORE_DOCS, pb.nextDoc());
    }
    NumericDocValues na = a.getNormValues(field);
    NumericDocValues nb = b.getNormValues(field);
    for (int d = na.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = na.nextDoc()) {
      assertEquals(d, nb.nextDoc());
      assertEquals(na.longValue(), nb.longValue(), field + " norm of doc " + d);
    }
  }
}
