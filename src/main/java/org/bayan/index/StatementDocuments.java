package org.bayan.index;

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

  /** Stored, analyzed, with offsets in the postings so highlighting needs no re-analysis. */
  static final FieldType TEXT = analyzed(true, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);

  /**
   * The unstemmed twin of a text field: not stored (the text is the main field's), with offsets so the
   * highlighter can mark an exact-phrase or prefix match in the main field's text.
   */
  static final FieldType EXACT = analyzed(false, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);

  /**
   * The character-trigram twin of a text field: ranking only, so neither positions (no phrase runs on pieces of
   * words) nor offsets (highlights mark whole words of the main fields).
   */
  static final FieldType GRAMS = analyzed(false, IndexOptions.DOCS_AND_FREQS);

  private static FieldType analyzed(boolean stored, IndexOptions options) {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setStored(stored);
    t.setIndexOptions(options);
    t.freeze();
    return t;
  }

  /**
   * The document of a version. {@code indexedBody} is the body with blocks repeated inside it shown once;
   * {@code group} its duplicate group.
   */
  public static Document toDocument(StatementVersion v, String indexedBody, Fingerprints.Fingerprint fp, long group) {
    Release r = v.release();
    Document d = new Document();
    d.add(new StringField(Fields.ID, r.id(), Field.Store.YES));
    d.add(new SortedDocValuesField(Fields.ID, new BytesRef(r.id())));
    keyword(d, Fields.AGENCY, r.agency());
    keyword(d, Fields.LANGUAGE, r.language());
    keyword(d, Fields.CATEGORY, r.category());
    // Declared or detected, so type=denial finds undeclared denials too; the stored release keeps what the
    // agency sent.
    keyword(d, Fields.TYPE, StatementTypes.of(r));
    keyword(d, Fields.STATUS, SignatureStatus.of(r));
    long millis = r.publishedInstant().toEpochMilli();
    d.add(new LongPoint(Fields.PUBLISHED, millis));
    d.add(new NumericDocValuesField(Fields.PUBLISHED, millis));
    d.add(new StoredField(Fields.PUBLISHED, r.publishedAt()));
    if (r.sourceUrl() != null) d.add(new StoredField(Fields.SOURCE_URL, r.sourceUrl()));
    d.add(new StoredField(Fields.CONTENT_HASH, v.contentHash()));
    d.add(new StoredField(Fields.VERSION, v.version()));
    d.add(new StoredField(Fields.SEQ, v.seq()));
    d.add(new StoredField(Fields.INGESTED, v.ingestedAt().toString()));
    String lang = Fields.indexLanguage(r.language());
    d.add(new Field(Fields.title(lang), r.title(), TEXT));
    d.add(new Field(Fields.body(lang), indexedBody, TEXT));
    d.add(new Field(Fields.exact(Fields.title(lang)), r.title(), EXACT));
    d.add(new Field(Fields.exact(Fields.body(lang)), indexedBody, EXACT));
    if (Fields.GRAMS_ANALYZER_BY_LANGUAGE.containsKey(lang)) {
      d.add(new Field(Fields.grams(Fields.title(lang)), r.title(), GRAMS));
      d.add(new Field(Fields.grams(Fields.body(lang)), indexedBody, GRAMS));
    }
    String g = DuplicateGroups.name(group);
    d.add(new StringField(Fields.DUP_GROUP, g, Field.Store.YES));
    d.add(new SortedDocValuesField(Fields.DUP_GROUP, new BytesRef(g)));
    d.add(new NumericDocValuesField(Fields.BODY_FINGERPRINT, fp.exact()));
    d.add(new BinaryDocValuesField(Fields.MINHASH, new BytesRef(minhashBytes(fp.minhash()))));
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
