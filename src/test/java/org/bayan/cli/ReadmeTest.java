package org.bayan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bayan.ingest.ReleaseParser;
import org.bayan.testing.Fixtures;
import org.bayan.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README as a reader meets it: it renders (fences close, the contents list every section, the layout
 * names every package), and the commands it shows run as written against the demo data, served on a random
 * port with the README's port rewritten to it.
 */
class ReadmeTest {
  private static final Path README = Fixtures.project().resolve("README.md");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");

  @TempDir static Path tmp;
  static TestServer server;
  static List<String> readme;

  @BeforeAll
  static void serveDemo() throws Exception {
    readme = Files.readAllLines(README, StandardCharsets.UTF_8);
    Path demo = Fixtures.project().resolve("demo");
    IndexCommand.run(tmp.resolve("data"), Fixtures.analyzers(), List.of(demo.resolve("releases.jsonl.gz")),
        demo.resolve("agencies.json"), ReleaseParser.DEFAULT_MAX_BODY_CHARS);
    server = TestServer.start(tmp.resolve("data"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) server.close();
  }

  /** A fenced block: its info string, the line it opens on (1-based) and its lines. */
  record Block(String info, int line, List<String> lines) {}

  /** The fenced blocks of lines {@code from} (inclusive) to {@code to} (exclusive), as CommonMark reads them. */
  static List<Block> blocks(List<String> lines, int from, int to) {
    List<Block> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches() || (open.group(1).charAt(0) == '`' && open.group(2).contains("`"))) continue;
      String fence = open.group(1);
      List<String> body = new ArrayList<>();
      int j = i + 1;
      for (; j < to; j++) {
        Matcher close = FENCE.matcher(lines.get(j));
        if (close.matches() && close.group(1).charAt(0) == fence.charAt(0)
            && close.group(1).length() >= fence.length() && close.group(2).isBlank()) {
          break;
        }
        body.add(lines.get(j));
      }
      out.add(new Block(open.group(2).strip(), i + 1, body));
      i = j;
    }
    return out;
  }

  /** Lines outside any fenced block, with their 1-based numbers. */
  static List<int[]> proseLines(List<String> lines) {
    Set<Integer> inside = new java.util.HashSet<>();
    for (Block b : blocks(lines, 0, lines.size())) {
      for (int k = 0; k <= b.lines().size() + 1; k++) inside.add(b.line() - 1 + k);
    }
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) if (!inside.contains(i)) out.add(new int[] {i});
    return out;
  }

  static List<String> sections(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (int[] i : proseLines(lines)) {
      String l = lines.get(i[0]);
      if (l.startsWith("## ")) out.add(l.substring(3).strip());
    }
    return out;
  }

  /** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
  static String anchor(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }

  private static int lineOf(String heading) {
    int i = readme.indexOf(heading);
    assertTrue(i >= 0, "README has no line '" + heading + "'");
    return i;
  }

  /** The lines of the section under {@code ## name}, up to the next {@code ## }. */
  private static List<String> section(String name) {
    int start = lineOf("## " + name) + 1;
    int end = start;
    while (end < readme.size() && !readme.get(end).startsWith("## ")) end++;
    return readme.subList(start, end);
  }

  @Test
  void every_code_fence_is_closed() {
    for (Block b : blocks(readme, 0, readme.size())) {
      int closing = b.line() + b.lines().size(); // 0-based index of the closing fence
      assertTrue(closing < readme.size(), "README.md:" + b.line() + ": the fence opened here ('```" + b.info()
          + "') is never closed, so the rest of the file renders as code");
      for (String l : b.lines()) {
        assertFalse(l.startsWith("## "), "README.md:" + b.line() + ": the block opened here swallows the heading '"
            + l + "': close the fence before it");
      }
    }
  }

  @Test
  void the_contents_list_every_section_and_only_sections() {
    List<String> headings = sections(readme);
    Set<String> wanted = new LinkedHashSet<>();
    for (String h : headings) if (!h.equals("Contents")) wanted.add(anchor(h));
    Set<String> listed = new LinkedHashSet<>();
    Matcher m = Pattern.compile("^- \\[[^\\]]+\\]\\(#([^)]+)\\)").matcher("");
    for (String l : section("Contents")) if (m.reset(l).find()) listed.add(m.group(1));
    assertTrue(headings.size() >= 15, "sections found: " + headings);
    Set<String> missing = new LinkedHashSet<>(wanted);
    missing.removeAll(listed);
    Set<String> dangling = new LinkedHashSet<>(listed);
    dangling.removeAll(wanted);
    assertTrue(missing.isEmpty(), "sections missing from Contents: " + missing);
    assertTrue(dangling.isEmpty(), "Contents links to no section: " + dangling);
    assertEquals(List.copyOf(wanted), List.copyOf(listed), "Contents lists the sections in another order");
  }

  @Test
  void how_it_is_built_names_every_package() throws IOException {
    String built = String.join("\n", section("How it is built"));
    List<String> packages;
    try (Stream<Path> s = Files.list(Fixtures.project().resolve("src/main/java/org/bayan"))) {
      packages = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertTrue(packages.size() >= 10, packages.toString());
    List<String> absent = packages.stream().filter(p -> !Pattern.compile("(^|\\s)" + p + "/").matcher(built).find())
        .toList();
    assertTrue(absent.isEmpty(), "\"How it is built\" leaves out the packages " + absent);
  }

  @Test
  void every_command_the_readme_shows_exists() {
    Set<String> verbs = new java.util.HashSet<>(BayanCommand.commandLine().getSubcommands().keySet());
    verbs.add("test");
    List<String> unknown = new ArrayList<>();
    for (Block b : blocks(readme, 0, readme.size())) {
      if (!b.info().equals("sh")) continue;
      for (String l : b.lines()) {
        Matcher m = Pattern.compile("(?:^|\\s)(?:bin/)?bayan\\s+([a-z-]+)").matcher(l);
        if (m.find() && !verbs.contains(m.group(1))) unknown.add(b.line() + ": " + l);
      }
    }
    assertTrue(unknown.isEmpty(), "README.md shows commands that do not exist: " + unknown);
  }

  /** The commands of the shell blocks before the Contents: what a reader runs first. */
  @Test
  void the_first_screen_commands_run_as_written_against_the_demo() throws Exception {
    List<String> commands = new ArrayList<>();
    for (Block b : blocks(readme, 0, lineOf("## Contents"))) {
      if (!b.info().equals("sh")) continue;
      for (String l : b.lines()) {
        String cmd = l.replaceAll("\\s+#\\s.*$", "").strip();
        if (!cmd.isEmpty()) commands.add(cmd);
      }
    }
    Set<String> verbs = new java.util.HashSet<>(BayanCommand.commandLine().getSubcommands().keySet());
    verbs.add("test"); // bin/bayan's own: the test suite
    int curls = 0;
    for (String cmd : commands) {
      if (cmd.startsWith("bin/bayan ")) {
        String verb = cmd.split("\\s+")[1];
        assertTrue(verbs.contains(verb), "README's first screen runs 'bin/bayan " + verb + "', which is no command");
        continue;
      }
      assertTrue(cmd.startsWith("curl "), "a first-screen command this test cannot run: " + cmd);
      String run = cmd.replace("localhost:7070", "127.0.0.1:" + server.service.port());
      assertTrue(!run.equals(cmd), "the command does not ask the demo's localhost:7070: " + cmd);
      Shell r = shell(run + " -s -w '\\n%{http_code}'", tmp, 30);
      assertEquals(0, r.exit(), cmd + "\n" + r.output());
      String out = r.output().strip();
      int nl = out.lastIndexOf('\n');
      assertEquals("200", out.substring(nl + 1), cmd + " answered " + out);
      JsonNode j = JSON.readTree(out.substring(0, nl));
      assertTrue(j.path("hits").isArray() && !j.get("hits").isEmpty(), cmd + " found nothing: " + out);
      curls++;
    }
    assertTrue(curls >= 1, "the first screen shows no request to try: " + commands);
  }

  /**
   * The recipe of "Verify a statement yourself", run by bash as a reader would: {@code bin/bayan} is the real
   * command in a JVM of its own, started in the reader's folder; {@code jq} is the machine's or, where it is
   * missing, a stand-in that prints a string field as {@code jq -r} does, with a line end the note lacks. A
   * statement is added between the saved and today's checkpoint, so the consistency check spans real appends.
   */
  @Test
  void the_verify_recipe_runs_as_written_against_the_demo() throws Exception {
    List<Block> recipe = blocks(readme, lineOf("## Verify a statement yourself"), lineOf("## Search")).stream()
        .filter(b -> b.info().equals("sh")).toList();
    assertEquals(2, recipe.size(), "the recipe's blocks: " + recipe);
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    script(bin.resolve("bayan"), "exec \"" + javaBin() + "\" -cp \"" + System.getProperty("java.class.path")
        + "\" org.bayan.cli.BayanCommand \"$@\"");
    if (shell("command -v jq", tmp, 10).exit() != 0) {
      script(bin.resolve("jq"), "exec \"" + javaBin() + "\" -cp \"" + System.getProperty("java.class.path")
          + "\" org.bayan.cli.ReadmeTest\\$Jq \"$@\"");
    }
    Path work = Files.createDirectories(tmp.resolve("reader"));
    String port = "127.0.0.1:" + server.service.port();
    String first = String.join("\n", recipe.get(0).lines()) + "\n";
    List<String> second = recipe.get(1).lines();
    int later = 0;
    while (later < second.size() && !second.get(later).contains("> old.txt")) later++;
    assertTrue(later < second.size(), "the second block saves no old.txt: " + second);
    later++; // statements arrive after the reader saved a checkpoint
    String before = String.join("\n", second.subList(0, later)) + "\n";
    String after = String.join("\n", second.subList(later, second.size())) + "\n";
    assertTrue(first.contains("localhost:7070"), first);

    String prologue = "set -euo pipefail\nexport PATH=\"" + bin + ":$PATH\"\n";
    String part1 = prologue + (first + before).replace("localhost:7070", port).replace("bin/bayan", "bayan")
        + "declare -p B ID V > vars.sh\n";
    Shell r1 = shell(part1, work, 120);
    assertEquals(0, r1.exit(), part1 + "\n---\n" + r1.output());
    assertEquals(1, count(r1.output(), "\nVERIFIED"), r1.output());
    assertFalse(r1.output().contains("FAIL"), r1.output());

    long size = checkpointSize();
    Path more = Fixtures.lines(tmp.resolve("more/releases.jsonl"), List.of(Fixtures.release("readme-later-1",
        "jawhara-fm", "بلاغ لاحق", "نص البلاغ اللاحق", "2024-06-01")));
    IndexCommand.run(tmp.resolve("data"), Fixtures.analyzers(), List.of(more), null,
        ReleaseParser.DEFAULT_MAX_BODY_CHARS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (checkpointSize() == size && System.nanoTime() < deadline) Thread.sleep(100);
    assertTrue(checkpointSize() > size, "the server did not log the added statement");

    String part2 = prologue + "source vars.sh\n" + after.replace("bin/bayan", "bayan");
    Shell r2 = shell(part2, work, 120);
    assertEquals(0, r2.exit(), part2 + "\n---\n" + r2.output());
    assertEquals(1, count(r2.output(), "\nVERIFIED"), "the proof for the saved checkpoint: " + r2.output());
    assertTrue(r2.output().contains("\nCONSISTENT"), r2.output());
    assertTrue(r2.output().contains("tree size " + size) && r2.output().contains("tree size " + (size + 1)),
        r2.output());

    // A tree size the log never had, or one too small to hold the version, is refused naming tree_size.
    String proof = "/api/statements/readme-later-1/proof?tree_size=";
    for (long bad : new long[] {0, size, size + 2}) {
      TestServer.Response r = server.get(proof + bad);
      assertEquals(400, r.status(), r.body());
      assertTrue(r.json().get("detail").asText().contains("'tree_size'"), r.body());
    }
    assertEquals(200, server.get(proof + (size + 1)).status());

    // The recipe's promise: change one character of s.json and it fails at "content hash".
    Path s = work.resolve("s.json");
    Files.writeString(s, Files.readString(s).replaceFirst("\"body\":\"(.)", "\"body\":\"x"));
    Shell r3 = shell(prologue + "source vars.sh\n" + first.lines().filter(l -> l.startsWith("bin/bayan verify"))
        .findFirst().orElseThrow().replace("bin/bayan", "bayan") + "\n", work, 60);
    assertEquals(1, r3.exit(), r3.output());
    assertTrue(r3.output().contains("step failed: content hash"), r3.output());
  }

  private static long checkpointSize() throws Exception {
    return Long.parseLong(server.get("/api/log/checkpoint").body().lines().toList().get(1));
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
    return n;
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void script(Path file, String body) throws IOException {
    Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  record Shell(int exit, String output) {}

  static Shell shell(String script, Path dir, int seconds) throws Exception {
    Process p = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + script);
    }
    return new Shell(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /** {@code jq -r .FIELD FILE} for a string field, as the recipe uses it, where the machine has no jq. */
  public static final class Jq {
    public static void main(String[] args) throws IOException {
      if (args.length != 3 || !args[0].equals("-r") || !args[1].startsWith(".")) {
        System.err.println("jq stand-in: only 'jq -r .field file'");
        System.exit(2);
      }
      JsonNode v = JSON.readTree(Path.of(args[2]).toFile()).get(args[1].substring(1));
      System.out.print((v == null ? "null" : v.asText()) + "\n");
    }
  }
}
