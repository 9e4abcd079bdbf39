package org.bayan.opensearch.plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.TokenFilterFactory;

/**
 * Lucene token filter factories by SPI name, read from every {@code META-INF/services} file the plugin's class
 * loader sees (its own, listing Bayan's filters, and Lucene's). Read here rather than through Lucene's own SPI
 * lookup, which was initialized from the server's class loader and does not see the plugin's classes.
 */
final class LuceneFilters {
  private static final String SERVICES = "META-INF/services/" + TokenFilterFactory.class.getName();
  private final Map<String, Class<? extends TokenFilterFactory>> byName;

  private LuceneFilters(Map<String, Class<? extends TokenFilterFactory>> byName) {
    this.byName = byName;
  }

  static LuceneFilters load(ClassLoader loader) {
    Map<String, Class<? extends TokenFilterFactory>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    try {
      for (URL url : Collections.list(loader.getResources(SERVICES))) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = in.readLine()) != null) {
            String cls = line.replaceFirst("#.*", "").trim();
            if (cls.isEmpty()) continue;
            try {
              Class<? extends TokenFilterFactory> c = Class.forName(cls, false, loader).asSubclass(TokenFilterFactory.class);
              byName.putIfAbsent(TokenFilterFactory.findSPIName(c), c);
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
              // A factory listed but not compiled into the plugin: it cannot be used, the others can.
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SERVICES, e);
    }
    return new LuceneFilters(byName);
  }

  Class<? extends TokenFilterFactory> get(String name) {
    return byName.get(name);
  }

  Iterable<String> names() {
    return byName.keySet();
  }
}
