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
import org.bayan.search.claims.ClaimService;
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
  private final ClaimService claims; // null: the keyword path

  public BayanRetriever(AnalyzerRegistry analyzers, List<Release> docs) {
    this(analyzers, docs, false);
  }

  /** With {@code claimPath}, topics go through claim lookup ({@code /api/claims/lookup}) instead. */
  public BayanRetriever(AnalyzerRegistry analyzers, List<Release> docs, boolean claimPath) {
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
    claims = claimPath ? new ClaimService(index, agency -> Optional.empty()) : null;
  }

  @Override
  public List<String> rank(String query, int n) {
    if (claims != null) return claims.rankedIds(query, n);
    return search.rankedIds(SearchRequest.of(query, n), n);
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
