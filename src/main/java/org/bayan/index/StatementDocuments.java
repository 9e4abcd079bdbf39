package org.bayan.index;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.bayan.classify.StatementTypes;
import org.bayan.index.dedup.DuplicateGroups;
import org.bayan.index.dedup.Fingerprints;
import org.bayan.statement.Release;
import org.bayan.statement.SignatureStatus;
import org.bayan.statement.StatementVersion;

/** Maps a statement version to its Lucene document. */
public final class StatementDocuments {
  private StatementDocuments() {}

  /**
   * A text field as indexed: analyzed, with offsets in the postings so highlighting needs no re-analysis. Its
   * text is stored beside it (a stored field of the same name) for the main fields; an exact (unstemmed)
   * twin is not stored, the text being the main field's, and its offsets let the highlighter mark an
   * exact-phrase or prefix match in the main field's text.
   */
  static final FieldType ANALYZED = analyzed(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);

  /**
   * The character-trigram twin of a text field: ranking only, so neither positions (no phrase runs on pieces of
   * words) nor offsets (highlights mark whole words of the main fields). Its tokens reach the writer counted,
   * each trigram once per statement ({@link CapturedTokens#counted}).
   */
  static final FieldType GRAMS = analyzed(IndexOptions.DOCS_AND_FREQS);

  private static FieldType analyzed(IndexOptions options) {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setStored(false);
    t.setIndexOptions(options);
    t.freeze();
    return t;
  }

  /**
   * Everything the document of a version needs except its duplicate group, which depends on the versions
   * indexed before it: the costly part (analysis, fingerprints, type detection), made on any thread.
   *
   * @param indexedBody the body with blocks repeated inside it shown once
   * @param tokens the analyzed text fields, by field name
   */
  record Prepared(StatementVersion version, String indexedBody, Fingerprints.Fingerprint fingerprint, String type,
      String status, long publishedMillis, Map<String, CapturedTokens> tokens) {}

  /** Analyzes and fingerprints a version for {@link #toDocument}; {@code analyzer} is the index's per-field one. */
  static Prepared prepare(StatementVersion v, Analyzer analyzer) {
    Release r = v.release();
    String body = Fingerprints.removeRepeatedBlocks(r.body()).text();
    String lang = Fields.indexLanguage(r.language());
    Map<String, CapturedTokens> tokens = new LinkedHashMap<>();
    for (String field : List.of(Fields.title(lang), Fields.body(lang))) {
      String text = field.equals(Fields.title(lang)) ? r.title() : body;
      tokens.put(field, CapturedTokens.of(analyzer, field, text));
      tokens.put(Fields.exact(field), CapturedTokens.of(analyzer, Fields.exact(field), text));
      String grams = Fields.grams(field);
      if (Fields.analyzerOf(grams) != null) tokens.put(grams, CapturedTokens.counted(analyzer, grams, text));
    }
    // Declared or detected, so type=denial finds undeclared denials too; the stored release keeps what the
    // agency sent.
    return new Prepared(v, body, Fingerprints.of(body), StatementTypes.of(r), SignatureStatus.of(r),
        r.publishedInstant().toEpochMilli(), tokens);
  }

  /** The document of a prepared version, in duplicate group {@code group}. */
  static Document toDocument(Prepared p, long group) {
    StatementVersion v = p.version();
    Release r = v.release();
    Document d = new Document();
    d.add(new StringField(Fields.ID, r.id(), Field.Store.YES));
    d.add(new SortedDocValuesField(Fields.ID, new BytesRef(r.id())));
    keyword(d, Fields.AGENCY, r.agency());
    keyword(d, Fields.LANGUAGE, r.language());
    keyword(d, Fields.CATEGORY, r.category());
    keyword(d, Fields.TYPE, p.type());
    keyword(d, Fields.STATUS, p.status());
    d.add(new LongPoint(Fields.PUBLISHED, p.publishedMillis()));
    d.add(new NumericDocValuesField(Fields.PUBLISHED, p.publishedMillis()));
    d.add(new StoredField(Fields.PUBLISHED, r.publishedAt()));
    if (r.sourceUrl() != null) d.add(new StoredField(Fields.SOURCE_URL, r.sourceUrl()));
    d.add(new StoredField(Fields.CONTENT_HASH, v.contentHash()));
    d.add(new StoredField(Fields.VERSION, v.version()));
    d.add(new StoredField(Fields.SEQ, v.seq()));
    d.add(new StoredField(Fields.INGESTED, v.ingestedAt().toString()));
    String lang = Fields.indexLanguage(r.language());
    d.add(new StoredField(Fields.title(lang), r.title()));
    d.add(new StoredField(Fields.body(lang), p.indexedBody()));
    p.tokens().forEach((field, tokens) ->
        d.add(new Field(field, tokens.stream(), field.endsWith(Fields.GRAMS_SUFFIX) ? GRAMS : ANALYZED)));
    String g = DuplicateGroups.name(group);
    d.add(new StringField(Fields.DUP_GROUP, g, Field.Store.YES));
    d.add(new SortedDocValuesField(Fields.DUP_GROUP, new BytesRef(g)));
    d.add(new NumericDocValuesField(Fields.BODY_FINGERPRINT, p.fingerprint().exact()));
    d.add(new BinaryDocValuesField(Fields.MINHASH, new BytesRef(minhashBytes(p.fingerprint().minhash()))));
    return d;
  }

  static byte[] minhashBytes(int[] sig) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(sig.length * 4);
    for (int v : sig) b.putInt(v);
    return b.array();
  }

  static int[] minhash(BytesRef bytes) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length);
    int[] sig = new int[bytes.length / 4];
    for (int i = 0; i < sig.length; i++) sig[i] = b.getInt();
    return sig;
  }

  private static void keyword(Document d, String field, String value) {
    if (value == null || value.isEmpty()) return;
    d.add(new StringField(field, value, Field.Store.YES));
    d.add(new SortedSetDocValuesField(field, new BytesRef(value)));
  }
}
