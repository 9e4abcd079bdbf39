package org.bayan.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bayan.store.DataLayout;
import org.bayan.store.ReleaseStore;
import org.bayan.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long {@code bayan index} as a user watches it: progress names the share of the input read and the time
 * left, and Ctrl-C prints what was stored by then, every counted release being in the store.
 */
class IndexInterruptTest {
  @TempDir Path tmp;

  @Test
  void progress_shows_percent_and_time_left_and_ctrl_c_prints_the_summary_so_far() throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.agencies(in, "moi");
    Path file = in.resolve("releases.jsonl");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < 400_000; i++) {
        w.write(Fixtures.release("r-" + i, "moi", "Statement " + i, "Body of statement number " + i, "2024-05-01"));
        w.write('\n');
      }
    }
    Path data = tmp.resolve("data");
    Path out = tmp.resolve("out.txt");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.bayan.cli.BayanCommand", "index",
        "--data", data.toString(), "--analyzers", Fixtures.analyzers().toString(), file.toString())
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    try {
      Pattern progress = Pattern.compile("\\d+% of [\\d.,]+ [KMG]B, about [\\dhmins ]+ left — ");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (child.isAlive() && System.nanoTime() < deadline && !progress.matcher(Files.readString(out)).find()) {
        Thread.sleep(200);
      }
      assertTrue(child.isAlive(), "the indexer finished before it could be interrupted: " + Files.readString(out));
      assertTrue(progress.matcher(Files.readString(out)).find(), "no progress with percent and time left: "
          + Files.readString(out));
      new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor(); // Ctrl-C
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the indexer did not stop on Ctrl-C");
    } finally {
      child.destroyForcibly();
    }
    String printed = Files.readString(out);
    Matcher m = Pattern.compile("interrupted: ([\\d,]+) added, 0 updated, 0 unchanged, 0 rejected").matcher(printed);
    assertTrue(m.find(), "no summary on Ctrl-C: " + printed);
    long added = Long.parseLong(m.group(1).replace(",", ""));
    assertTrue(added > 0 && added < 400_000, printed);
    try (ReleaseStore store = ReleaseStore.open(new DataLayout(data).storeDir())) {
      assertTrue(store.statementCount() >= added, store.statementCount() + " stored, " + added + " reported");
    }
  }
}
