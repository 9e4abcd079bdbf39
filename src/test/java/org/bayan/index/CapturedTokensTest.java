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
      "نص قصير with mixed English words, U.S.A. and e-mail: someone@example.org 3.5%",
      "الحكومة الحكومة والحكومات حكومة government governments government's governing; the the of a an");

  /** The texts above and generated ones: words drawn from a small pool, so terms and trigrams repeat often. */
  static List<String> texts() {
    List<String> out = new ArrayList<>(TEXTS);
    String[] pool = {"وزارة", "الوزارة", "وزارات", "الصحة", "في", "من", "أعلنت", "اعلنت", "٢٠٢٤م", "ministry",
        "ministries", "health", "the", "of", "budget", "budgets", "qatar", "qatari", "a", "ab", "abc", "abcabc",
        "هذا", "بيان", "البيانات", "ببيان"};
    java.util.Random random = new java.util.Random(20);
    for (int n = 0; n < 60; n++) {
      StringBuilder b = new StringBuilder();
      for (int w = random.nextInt(n < 5 ? 4 : 400); w > 0; w--) b.append(pool[random.nextInt(pool.length)]).append(' ');
      out.add(b.toString());
    }
    return out;
  }

  @Test
  void postingsPositionsOffsetsFrequenciesAndNormsAreTheSame() throws Exception {
    try (AnalyzerRegistry analyzers = AnalyzerRegistry.load(Path.of("analyzers"))) {
      Analyzer analyzer = LuceneIndex.analyzer(analyzers);
      List<String> fields = new ArrayList<>();
      List<String> grams = new ArrayList<>();
      for (String lang : Fields.LANGUAGES) {
        for (String f : List.of(Fields.title(lang), Fields.body(lang))) {
          fields.add(f);
          fields.add(Fields.exact(f));
          if (Fields.analyzerOf(Fields.grams(f)) != null) grams.add(Fields.grams(f));
        }
      }
      try (ByteBuffersDirectory direct = new ByteBuffersDirectory();
          ByteBuffersDirectory replayed = new ByteBuffersDirectory()) {
        // the writer's similarity is the index's: it is what writes a counted field's norm
        try (IndexWriter a = new IndexWriter(direct, new IndexWriterConfig(analyzer).setSimilarity(new Similarities()));
            IndexWriter b = new IndexWriter(replayed, new IndexWriterConfig(analyzer).setSimilarity(new Similarities()))) {
          for (String text : texts()) {
            Document da = new Document();
            Document db = new Document();
            for (String f : fields) {
              da.add(new Field(f, text, StatementDocuments.ANALYZED));
              db.add(new Field(f, CapturedTokens.of(analyzer, f, text).stream(), StatementDocuments.ANALYZED));
            }
            for (String f : grams) {
              da.add(new Field(f, text, StatementDocuments.GRAMS));
              db.add(new Field(f, CapturedTokens.counted(analyzer, f, text).stream(), StatementDocuments.GRAMS));
            }
            a.addDocument(da);
            b.addDocument(db);
          }
        }
        try (DirectoryReader ra = DirectoryReader.open(direct); DirectoryReader rb = DirectoryReader.open(replayed)) {
          LeafReader la = ra.leaves().getFirst().reader();
          LeafReader lb = rb.leaves().getFirst().reader();
          for (String f : fields) assertSame(f, la, lb);
          for (String f : grams) assertSame(f, la, lb);
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
      assertEquals(ea.totalTermFreq(), eb.totalTermFreq(), field + " " + t.utf8ToString());
      PostingsEnum pa = ea.postings(null, PostingsEnum.ALL);
      PostingsEnum pb = eb.postings(null, PostingsEnum.ALL);
      boolean positions = a.getFieldInfos().fieldInfo(field).getIndexOptions()
          .compareTo(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS) >= 0;
      for (int d = pa.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = pa.nextDoc()) {
        assertEquals(d, pb.nextDoc());
        assertEquals(pa.freq(), pb.freq());
        for (int i = 0; positions && i < pa.freq(); i++) {
          assertEquals(pa.nextPosition(), pb.nextPosition(), field + " " + t.utf8ToString());
          assertEquals(pa.startOffset(), pb.startOffset());
          assertEquals(pa.endOffset(), pb.endOffset());
        }
      }
      assertEquals(PostingsEnum.NO_MORE_DOCS, pb.nextDoc());
    }
    assertEquals(ta.getSumTotalTermFreq(), tb.getSumTotalTermFreq(), field);
    assertEquals(ta.getSumDocFreq(), tb.getSumDocFreq(), field);
    NumericDocValues na = a.getNormValues(field);
    NumericDocValues nb = b.getNormValues(field);
    for (int d = na.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = na.nextDoc()) {
      assertEquals(d, nb.nextDoc());
      assertEquals(na.longValue(), nb.longValue(), field + " norm of doc " + d);
    }
    assertEquals(NumericDocValues.NO_MORE_DOCS, nb.nextDoc(), field);
  }
}
