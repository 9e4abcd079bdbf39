package org.bayan.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * The bundled demo set indexed once per test run into a temporary data folder (removed when the JVM exits),
 * for test classes that check behaviour on real statements. Serve it with {@link TestServer#start(Path)} and
 * close the server before another class opens it.
 */
public final class DemoData {
  private static Path data;

  private DemoData() {}

  public static synchronized Path data() throws IOException {
    if (data == null) {
      Path dir = Files.createTempDirectory("bayan-demo-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
      data = Fixtures.indexed(dir.resolve("data"), Fixtures.project().resolve("demo"));
    }
    return data;
  }

  private static void delete(Path dir) {
    try (var s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
