package org.bayan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SQLite FTS5 through sqlite-jdbc: one FTS5 table (id unindexed, text; tokenizer unicode61 with diacritics
 * removed), bm25 order ({@code ORDER BY rank}), the query's words quoted and joined with OR. With
 * {@code normalize}, Arabic letters are normalized in Java on both sides (alef forms, ya/alef maqsura, ta
 * marbuta, tatweel and harakat), as an application without an Arabic tokenizer would do.
 */
final class SqliteEngine implements TextEngine {
  private final Path file;
  private final boolean normalize;
  private final List<Connection> opened = Collections.synchronizedList(new ArrayList<>());
  private final ThreadLocal<Connection> readers = ThreadLocal.withInitial(this::open);
  private Connection writer;
  private PreparedStatement insert;
  private int pending;

  SqliteEngine(Path file, boolean normalize, boolean create) throws Exception {
    this.file = file;
    this.normalize = normalize;
    if (create) {
      Files.deleteIfExists(file);
      writer = DriverManager.getConnection("jdbc:sqlite:" + file);
      try (Statement s = writer.createStatement()) {
        s.execute("PRAGMA journal_mode=OFF");
        s.execute("PRAGMA synchronous=OFF");
        s.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, text, tokenize='unicode61 remove_diacritics 2')");
      }
      writer.setAutoCommit(false);
      insert = writer.prepareStatement("INSERT INTO docs(id, text) VALUES (?, ?)");
    }
  }

  private Connection open() {
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro");
      opened.add(c);
      return c;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String normalize(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640') continue;
      switch (c) {
        case 'أ', 'إ', 'آ', 'ٱ' -> b.append('ا');
        case 'ى' -> b.append('ي');
        case 'ة' -> b.append('ه');
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  @Override
  public void add(BenchDoc d) throws Exception {
    insert.setString(1, d.id());
    insert.setString(2, normalize ? normalize(d.text()) : d.text());
    insert.addBatch();
    if (++pending == 1000) {
      insert.executeBatch();
      pending = 0;
    }
  }

  @Override
  public void finish() throws Exception {
    if (pending > 0) insert.executeBatch();
    writer.commit();
    try (Statement s = writer.createStatement()) {
      s.execute("INSERT INTO docs(docs) VALUES('optimize')");
    }
    writer.commit();
    insert.close();
    writer.close();
    writer = null;
  }

  @Override
  public List<String> search(String q, int n) throws Exception {
    List<String> words = TextEngine.words(normalize ? normalize(q) : q);
    if (words.isEmpty()) return List.of();
    String match = words.stream().map(w -> '"' + w + '"').collect(Collectors.joining(" OR "));
    try (PreparedStatement ps = readers.get().prepareStatement("SELECT id FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?")) {
      ps.setString(1, match);
      ps.setInt(2, n);
      List<String> ids = new ArrayList<>(n);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) ids.add(rs.getString(1));
      }
      return ids;
    }
  }

  @Override
  public long sizeBytes() throws Exception {
    return Files.size(file);
  }

  @Override
  public void close() throws Exception {
    if (writer != null) writer.close();
    for (Connection c : opened) c.close();
  }
}
