package org.bayan.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading topics ({@code qid<TAB>text}) and TREC qrels ({@code qid 0 docid relevance}). */
final class Judgments {
  private Judgments() {}

  /** Topic id → query text, in file order. */
  static Map<String, String> topics(Path file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) continue;
        int tab = line.indexOf('\t');
        if (tab <= 0) throw new IOException(file + ":" + n + ": expected 'qid<TAB>query text'");
        out.put(line.substring(0, tab).strip(), line.substring(tab + 1));
      }
    }
    return out;
  }

  /** Topic id → (document id → relevance grade). */
  static Map<String, Map<String, Integer>> qrels(Path file) throws IOException {
    Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) continue;
        String[] f = line.strip().split("\\s+");
        if (f.length != 4) throw new IOException(file + ":" + n + ": expected 'qid 0 docid relevance'");
        try {
          out.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[2], Integer.parseInt(f[3]));
        } catch (NumberFormatException e) {
          throw new IOException(file + ":" + n + ": relevance '" + f[3] + "' is not a whole number");
        }
      }
    }
    return out;
  }
}
