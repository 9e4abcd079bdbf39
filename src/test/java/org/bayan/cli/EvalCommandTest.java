package org.bayan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bayan.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bayan eval --without-topic-copies}: a document that repeats a topic's text (as the ANS corpora reuse
 * claims as headlines) is left out of that topic's ranking, with diacritics, alef forms and punctuation not
 * telling copies apart; the statements that answer the topic keep their places.
 */
class EvalCommandTest {
  @TempDir Path tmp;

  private Path set() throws IOException {
    String claim = "وزارة الصحة تعلن افتتاح مستشفى جديد في المدينة";
    Fixtures.lines(tmp.resolve("corpus.jsonl"), List.of(
        Fixtures.json(Map.of("id", "copy", "contents", "وزارةُ الصحة تُعلن إفتتاح مستشفى جديد في المدينة.")),
        Fixtures.json(Map.of("id", "answer", "contents", "افتتحت وزارة الصحة اليوم مستشفى جديدا في وسط المدينة")),
        Fixtures.json(Map.of("id", "other", "contents", "وزارة التعليم تعلن مواعيد الامتحانات")),
        Fixtures.json(Map.of("id", "copy2", "contents", "الطقس حار في المدينة"))));
    Fixtures.lines(tmp.resolve("topics.tsv"), List.of("q1\t" + claim + "؟", "q2\tالطقس حار في المدينة"));
    Fixtures.lines(tmp.resolve("qrels.txt"), List.of("q1 0 answer 1", "q2 0 other 0"));
    return tmp;
  }

  private String eval(Path dir, Path run, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("eval", "--corpus", dir.resolve("corpus.jsonl").toString(),
        "--topics", dir.resolve("topics.tsv").toString(), "--qrels", dir.resolve("qrels.txt").toString(),
        "--run", run.toString(), "--analyzers", Fixtures.analyzers().toString()));
    args.addAll(List.of(extra));
    PrintStream was = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      assertEquals(0, new CommandLine(new BayanCommand()).execute(args.toArray(String[]::new)));
    } finally {
      System.setOut(was);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static List<String> ranked(Path run, String qid) throws IOException {
    return Files.readAllLines(run).stream().map(l -> l.split(" ")).filter(f -> f[0].equals(qid)).map(f -> f[2])
        .toList();
  }

  @Test
  void a_topics_copies_are_left_out_of_its_ranking_only_when_asked() throws IOException {
    Path dir = set();
    Path with = tmp.resolve("with.run");
    String table = eval(dir, with);
    assertEquals("copy", ranked(with, "q1").getFirst(), "the verbatim copy ranks first when kept");
    assertTrue(table.contains("corpus.jsonl ") && table.contains("0.5000"), table);

    Path without = tmp.resolve("without.run");
    table = eval(dir, without, "--without-topic-copies");
    List<String> q1 = ranked(without, "q1");
    assertFalse(q1.contains("copy"), "the copy is left out: " + q1);
    assertEquals("answer", q1.getFirst());
    assertFalse(ranked(without, "q2").contains("copy2"), "every topic's own copies, not only judged topics'");
    assertTrue(table.contains("-copies") && table.contains("1.0000"), table);
  }
}
