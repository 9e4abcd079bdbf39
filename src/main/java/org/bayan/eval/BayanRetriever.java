package org.bayan.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.index.LuceneIndex;
import org.bayan.search.SearchRequest;
import org.bayan.search.SearchService;
import org.bayan.statement.Release;
import org.bayan.statement.StatementVersion;

/**
 * Bayan's production path: the documents go through the same document mapping and analyzers as {@code bayan
 * index}, into an index held in memory, and each query through {@link SearchService#rankedIds}, which builds
 * its query exactly as {@code /api/search} does.
 */
public final class BayanRetriever implements Retriever {
  private final LuceneIndex index;
  private final SearchService search;

  public BayanRetriever(AnalyzerRegistry analyzers, List<Release> docs) {
    try {
      index = LuceneIndex.inMemory(analyzers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long seq = 0;
    List<StatementVersion> versions = new java.util.ArrayList<>(docs.size());
    for (Release r : docs) versions.add(new StatementVersion(seq++, r, 1, "", Instant.EPOCH));
    index.apply(versions);
    index.refresh();
    search = new SearchService(index, agency -> Optional.empty());
  }

  @Override
  public List<String> rank(String query, int n) {
    SearchRequest req = SearchRequest.of(query, n);
    return search.rankedIds(req, n);
  }

  @Override
  public void close() {
    try {
      index.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
