package org.bayan.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One retrieval test set: the documents, the topics (queries as people typed them) and the judgments.
 *
 * @param name what tables call it (the folder name for a standard set)
 */
public record EvalSet(String name, Path corpus, Path topics, Path qrels) {

  /** A set in the standard layout: {@code corpus.jsonl}, {@code topics.tsv}, {@code qrels.txt}. */
  public static EvalSet in(Path dir) {
    if (!Files.isDirectory(dir)) throw new IllegalArgumentException("no test set folder " + dir);
    Path corpus = dir.resolve("corpus.jsonl");
    if (!Files.exists(corpus) && Files.exists(dir.resolve("corpus.jsonl.gz"))) corpus = dir.resolve("corpus.jsonl.gz");
    EvalSet set = new EvalSet(dir.getFileName().toString(), corpus, dir.resolve("topics.tsv"), dir.resolve("qrels.txt"));
    set.check();
    return set;
  }

  /** Every standard set under {@code root}, by name. */
  public static List<EvalSet> all(Path root) throws IOException {
    List<EvalSet> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
        if (Files.exists(d.resolve("topics.tsv"))) out.add(in(d));
      }
    }
    if (out.isEmpty()) throw new IllegalArgumentException("no test sets (folders with topics.tsv) in " + root);
    return out;
  }

  /** Fails naming the first missing file. */
  public void check() {
    for (Path p : List.of(corpus, topics, qrels)) {
      if (!Files.isRegularFile(p)) throw new IllegalArgumentException("test set '" + name + "': missing " + p);
    }
  }
}
