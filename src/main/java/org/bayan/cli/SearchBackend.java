package org.bayan.cli;

import java.util.List;

/**
 * Which engine holds the searchable index: the embedded Lucene index in the data folder (the default) or an
 * OpenSearch cluster. Either way the release store and the transparency log stay in the data folder and the
 * index is derived from them.
 *
 * @param urls OpenSearch nodes (any of them; the others are tried when one is down)
 * @param indexName the alias Bayan searches in the cluster
 * @param shards primary shards of a newly created OpenSearch index
 * @param replicas replicas of each shard
 */
public record SearchBackend(Kind kind, List<String> urls, String indexName, int shards, int replicas) {
  public enum Kind { lucene, opensearch }

  public static final SearchBackend LUCENE = new SearchBackend(Kind.lucene, List.of(), null, 0, 0);

  public static SearchBackend openSearch(List<String> urls, String indexName, int shards, int replicas) {
    return new SearchBackend(Kind.opensearch, List.copyOf(urls), indexName, shards, replicas);
  }
}
