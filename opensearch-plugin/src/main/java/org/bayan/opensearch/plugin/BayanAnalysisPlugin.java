package org.bayan.opensearch.plugin;

import java.util.Map;
import org.opensearch.index.analysis.TokenFilterFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;

/**
 * Registers the token filter type {@value LuceneFilterFactory#TYPE}: any Lucene token filter factory visible to
 * the plugin by its SPI name (Bayan's own, compiled into this plugin, and Lucene's), with the parameters Bayan's
 * {@code analyzers/*.json} give it. Bayan's index definition uses it for every filter OpenSearch has no
 * equivalent of, so a chain gives the same tokens in both engines.
 */
public final class BayanAnalysisPlugin extends Plugin implements AnalysisPlugin {
  private final LuceneFilters filters = LuceneFilters.load(BayanAnalysisPlugin.class.getClassLoader());

  @Override
  public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
    return Map.of(LuceneFilterFactory.TYPE, AnalysisPlugin.requiresAnalysisSettings(
        (indexSettings, env, name, settings) -> new LuceneFilterFactory(indexSettings, name, settings, filters)));
  }
}
