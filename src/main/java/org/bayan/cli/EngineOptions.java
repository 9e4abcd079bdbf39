package org.bayan.cli;

import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Options choosing the search engine, taken by every command that opens the index. */
final class EngineOptions {
  @Option(names = "--engine", defaultValue = "lucene", paramLabel = "ENGINE",
      description = "Search engine: lucene (embedded, in the data folder) or opensearch (a cluster). Default: ${DEFAULT-VALUE}.")
  SearchBackend.Kind engine;

  @Option(names = "--opensearch-url", split = ",", paramLabel = "URL",
      description = "OpenSearch node(s), e.g. http://10.0.0.5:9200,http://10.0.0.6:9200 (with --engine opensearch).")
  List<String> urls;

  @Option(names = "--opensearch-index", defaultValue = "bayan", paramLabel = "NAME",
      description = "Index alias in the cluster. Default: ${DEFAULT-VALUE}.")
  String indexName;

  @Option(names = "--opensearch-shards", defaultValue = "2", paramLabel = "N",
      description = "Primary shards when the index is created. Default: ${DEFAULT-VALUE}.")
  int shards;

  @Option(names = "--opensearch-replicas", defaultValue = "1", paramLabel = "N",
      description = "Replicas of each shard when the index is created. Default: ${DEFAULT-VALUE}.")
  int replicas;

  SearchBackend backend(picocli.CommandLine.Model.CommandSpec spec) {
    if (engine == SearchBackend.Kind.lucene) return SearchBackend.LUCENE;
    if (urls == null || urls.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--engine opensearch needs --opensearch-url URL[,URL...]");
    }
    if (shards < 1 || replicas < 0) {
      throw new ParameterException(spec.commandLine(), "--opensearch-shards must be >= 1 and --opensearch-replicas >= 0");
    }
    return SearchBackend.openSearch(urls, indexName, shards, replicas);
  }
}
