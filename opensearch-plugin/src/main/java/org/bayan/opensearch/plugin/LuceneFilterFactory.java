package org.bayan.opensearch.plugin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.util.ResourceLoader;
import org.apache.lucene.util.ResourceLoaderAware;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractTokenFilterFactory;

/**
 * A Lucene token filter factory as an OpenSearch token filter. Settings: {@code spi}, the factory's SPI name
 * (as in Bayan's {@code analyzers/*.json}); every other setting is passed to the factory as a parameter,
 * except {@code P_lines}: the lines of the file parameter {@code P} names, inlined by Bayan's index definition
 * so that no file has to be deployed on the nodes.
 */
final class LuceneFilterFactory extends AbstractTokenFilterFactory {
  static final String TYPE = "bayan_lucene";
  private static final String LINES = "_lines";
  private final org.apache.lucene.analysis.TokenFilterFactory lucene;

  LuceneFilterFactory(IndexSettings indexSettings, String name, Settings settings, LuceneFilters filters) {
    super(indexSettings, name, settings);
    String spi = settings.get("spi");
    if (spi == null) throw new IllegalArgumentException("token filter [" + name + "]: [spi] is required");
    Class<? extends org.apache.lucene.analysis.TokenFilterFactory> cls = filters.get(spi);
    if (cls == null) {
      throw new IllegalArgumentException("token filter [" + name + "]: no Lucene token filter named [" + spi
          + "] in the bayan-analysis plugin (known: " + filters.names() + ")");
    }
    Map<String, String> params = new HashMap<>();
    Map<String, String> files = new HashMap<>();
    for (String key : settings.keySet()) {
      if (key.equals("type") || key.equals("spi") || key.endsWith(LINES)) continue;
      String value = settings.get(key);
      params.put(key, value);
      List<String> lines = settings.getAsList(key + LINES, null);
      if (lines != null) files.put(value, String.join("\n", lines) + "\n");
    }
    try {
      lucene = cls.getConstructor(Map.class).newInstance(params);
      if (lucene instanceof ResourceLoaderAware aware) aware.inform(new InlineResources(files, name));
    } catch (ReflectiveOperationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalArgumentException("token filter [" + name + "] (" + spi + "): " + cause.getMessage(), cause);
    } catch (IOException e) {
      throw new IllegalArgumentException("token filter [" + name + "] (" + spi + "): " + e.getMessage(), e);
    }
  }

  @Override
  public TokenStream create(TokenStream input) {
    return lucene.create(input);
  }

  @Override
  public TokenStream normalize(TokenStream input) {
    return lucene.normalize(input);
  }

  /** Files a factory asks for, served from the inlined lines. */
  private record InlineResources(Map<String, String> files, String filter) implements ResourceLoader {
    @Override
    public InputStream openResource(String resource) throws IOException {
      String text = files.get(resource);
      if (text == null) {
        throw new IOException("token filter [" + filter + "]: file [" + resource + "] was not inlined as ["
            + "<param>" + LINES + "]");
      }
      return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public <T> Class<? extends T> findClass(String cname, Class<T> expectedType) {
      try {
        return Class.forName(cname, false, LuceneFilterFactory.class.getClassLoader()).asSubclass(expectedType);
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException("cannot load class " + cname, e);
      }
    }
  }
}
