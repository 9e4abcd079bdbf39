package org.bayan.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL full-text search: a table with a generated tsvector ({@code arabic} configuration for Arabic
 * statements, {@code english} otherwise) and a GIN index on it; loaded with COPY, the index built after the
 * load. Queries: {@code websearch_to_tsquery} of the query's words joined with {@code or} (free text is an OR
 * of its words, as for the classic QueryParser; the default AND finds almost nothing for 10-word questions),
 * {@code ORDER BY ts_rank_cd LIMIT n}.
 */
final class PostgresEngine implements TextEngine {
  private final String url;
  private final String table;
  private final List<Connection> opened = Collections.synchronizedList(new ArrayList<>());
  private final ThreadLocal<Connection> readers = ThreadLocal.withInitial(this::open);
  private Connection writer;
  private final StringBuilder batch = new StringBuilder();

  PostgresEngine(String url, String table, boolean create) throws Exception {
    this.url = url;
    this.table = table;
    if (create) {
      writer = DriverManager.getConnection(url);
      try (Statement s = writer.createStatement()) {
        s.execute("DROP TABLE IF EXISTS " + table);
        s.execute("CREATE TABLE " + table + " (id text NOT NULL, lang text NOT NULL, text text NOT NULL, "
            + "tsv tsvector GENERATED ALWAYS AS (to_tsvector(CASE WHEN lang = 'ar' THEN 'arabic'::regconfig "
            + "ELSE 'english'::regconfig END, text)) STORED)");
      }
    }
  }

  private Connection open() {
    try {
      Connection c = DriverManager.getConnection(url);
      opened.add(c);
      return c;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copyField(StringBuilder b, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\0' -> { }
        default -> b.append(c);
      }
    }
  }

  @Override
  public void add(BenchDoc d) throws Exception {
    copyField(batch, d.id());
    batch.append('\t').append("ar".equals(d.lang()) ? "ar" : "en").append('\t');
    copyField(batch, d.text());
    batch.append('\n');
    if (batch.length() > 8 << 20) flush();
  }

  private void flush() throws Exception {
    if (batch.isEmpty()) return;
    CopyManager copy = writer.unwrap(PGConnection.class).getCopyAPI();
    copy.copyIn("COPY " + table + " (id, lang, text) FROM STDIN", new StringReader(batch.toString()));
    batch.setLength(0);
  }

  @Override
  public void finish() throws Exception {
    flush();
    try (Statement s = writer.createStatement()) {
      s.execute("CREATE INDEX " + table + "_tsv ON " + table + " USING gin (tsv)");
      s.execute("VACUUM ANALYZE " + table);
    }
    writer.close();
    writer = null;
  }

  @Override
  public List<String> search(String q, int n) throws Exception {
    List<String> words = TextEngine.words(q);
    if (words.isEmpty()) return List.of();
    String cfg = TextEngine.isArabic(q) ? "arabic" : "english";
    try (PreparedStatement ps = readers.get().prepareStatement("SELECT id FROM " + table
        + ", websearch_to_tsquery(?::regconfig, ?) q WHERE tsv @@ q ORDER BY ts_rank_cd(tsv, q) DESC LIMIT ?")) {
      ps.setString(1, cfg);
      ps.setString(2, String.join(" or ", words));
      ps.setInt(3, n);
      List<String> ids = new ArrayList<>(n);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) ids.add(rs.getString(1));
      }
      return ids;
    }
  }

  @Override
  public long sizeBytes() throws Exception {
    try (Statement s = readers.get().createStatement();
         ResultSet rs = s.executeQuery("SELECT pg_total_relation_size('" + table + "')")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void close() throws Exception {
    if (writer != null) writer.close();
    for (Connection c : opened) c.close();
  }
}
