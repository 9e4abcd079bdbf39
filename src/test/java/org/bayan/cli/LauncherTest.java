package org.bayan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bayan.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/bayan} as a user runs it, from a folder of their own: the real script, copied into a Bayan folder
 * whose jar is up to date, with a JDK whose {@code java} reports where it was started, with what, and prints
 * the JVM's incubator-module line. And {@code --version} from the build.
 */
class LauncherTest {
  @TempDir Path tmp;

  private static void executable(Path file, String body) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  record Run(int exit, String out, String err) {}

  private Run launch(Path cwd, String... args) throws Exception {
    Path home = tmp.resolve("bayan");
    Files.createDirectories(home.resolve("bin"));
    Files.copy(Fixtures.project().resolve("bin/bayan"), home.resolve("bin/bayan"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(home.resolve("bin/bayan"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(home.resolve("src/main"));
    Files.writeString(home.resolve("pom.xml"), "<project/>");
    Path jar = Files.createDirectories(home.resolve("target")).resolve("bayan.jar");
    Files.writeString(jar, "");
    FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
    Files.setLastModifiedTime(home.resolve("pom.xml"), old);
    Files.setLastModifiedTime(home.resolve("src/main"), old);

    Path jdk = tmp.resolve("jdk");
    executable(jdk.resolve("bin/javac"), "exit 0");
    executable(jdk.resolve("bin/java"), String.join("\n",
        "for a in \"$@\"; do [ \"$a\" = -XshowSettings:properties ] && { echo '    java.specification.version = 25' >&2; exit 0; }; done",
        "echo \"cwd=$PWD\"",
        "for a in \"$@\"; do echo \"arg=$a\"; done",
        "echo 'WARNING: Using incubator modules: jdk.incubator.vector' >&2",
        "echo 'bayan index: a real error' >&2",
        "exit 3"));

    List<String> cmd = new java.util.ArrayList<>(List.of(home.resolve("bin/bayan").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.directory(cwd.toFile());
    pb.environment().put("JAVA_HOME", jdk.toString());
    pb.environment().remove("BAYAN_JAVA_OPTS");
    pb.redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bin/bayan did not finish");
    Thread.sleep(200); // the stderr filter may flush just after the JVM exits
    return new Run(p.exitValue(), Files.readString(tmp.resolve("out.txt")), Files.readString(tmp.resolve("err.txt")));
  }

  @Test
  void commands_run_where_the_user_stands_with_native_access_and_the_vector_module_and_no_jvm_warning()
      throws Exception {
    Path user = Files.createDirectories(tmp.resolve("user/work"));
    Run r = launch(user, "index", "releases.jsonl");
    assertEquals(3, r.exit(), "the command's exit status passes through: " + r);
    assertTrue(r.out().contains("cwd=" + user.toRealPath() + "\n"), "relative paths must resolve from the user's folder: " + r.out());
    assertTrue(r.out().contains("arg=--enable-native-access=ALL-UNNAMED\n"), r.out());
    assertTrue(r.out().contains("arg=--add-modules\narg=jdk.incubator.vector\n"), r.out());
    assertTrue(r.out().contains("arg=index\narg=releases.jsonl\n"), r.out());
    assertFalse(r.err().contains("WARNING"), "a JVM warning line reached the user: " + r.err());
    assertTrue(r.err().contains("bayan index: a real error"), "other error lines must stay: " + r.err());
  }

  /**
   * The real script, JVM and code: a jar whose manifest names the test's class path stands in for the built
   * one. A search from the user's folder, with a relative data folder, prints hits and not one other line.
   */
  @Test
  void a_real_search_from_the_users_folder_prints_no_warning_line() throws Exception {
    Path user = Files.createDirectories(tmp.resolve("user"));
    org.bayan.testing.SearchCorpus.build(user.resolve("work"));
    Path home = tmp.resolve("real");
    Files.createDirectories(home.resolve("bin"));
    Files.copy(Fixtures.project().resolve("bin/bayan"), home.resolve("bin/bayan"));
    Files.setPosixFilePermissions(home.resolve("bin/bayan"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(home.resolve("src/main"));
    Files.writeString(home.resolve("pom.xml"), "<project/>");
    java.util.jar.Manifest mf = new java.util.jar.Manifest();
    mf.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
    mf.getMainAttributes().put(java.util.jar.Attributes.Name.MAIN_CLASS, "org.bayan.cli.BayanCommand");
    StringBuilder cp = new StringBuilder();
    for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (!e.isBlank()) cp.append(Path.of(e).toUri()).append(' ');
    }
    mf.getMainAttributes().put(java.util.jar.Attributes.Name.CLASS_PATH, cp.toString().strip());
    Files.createDirectories(home.resolve("target"));
    try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(home.resolve("target/bayan.jar")), mf)) {
      // the manifest is all it holds
    }
    FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
    Files.setLastModifiedTime(home.resolve("pom.xml"), old);
    Files.setLastModifiedTime(home.resolve("src/main"), old);

    ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/bayan").toString(), "search", "الصحة", "--data",
        "work/data", "--analyzers", Fixtures.analyzers().toString());
    pb.directory(user.toFile());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().remove("BAYAN_JAVA_OPTS");
    pb.environment().remove("JDK_JAVA_OPTIONS");
    pb.redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "bin/bayan search did not finish");
    Thread.sleep(200);
    String out = Files.readString(tmp.resolve("out.txt"));
    String err = Files.readString(tmp.resolve("err.txt"));
    assertEquals(0, p.exitValue(), out + err);
    assertTrue(out.contains("http://localhost:7070/s/spa-1"), out);
    assertEquals("", err, "lines on stderr of a search that went well");
  }

  @Test
  void version_is_the_projects() throws Exception {
    String pom = Files.readString(Fixtures.project().resolve("pom.xml"), StandardCharsets.UTF_8);
    int artifact = pom.indexOf("<artifactId>bayan</artifactId>");
    int start = pom.indexOf("<version>", artifact) + "<version>".length();
    String version = pom.substring(start, pom.indexOf("</version>", start));
    assertEquals(version, BayanCommand.version());
    assertEquals(List.of("bayan " + version), List.of(BayanCommand.commandLine().getCommandSpec().version()));
    assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), version);
  }
}
