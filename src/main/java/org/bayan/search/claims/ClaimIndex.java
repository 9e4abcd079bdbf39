package org.bayan.search.claims;

import java.util.List;
import org.apache.lucene.search.Query;
import org.bayan.search.DocFrequencies;

/**
 * What claim lookup asks of a search engine: term statistics to weigh the claim's words, and the statements
 * that best match the query built from them. Everything else (analysis, weights, evidence sentences,
 * citations) is computed by {@link ClaimService} from the statements' text, the same for every engine.
 */
public interface ClaimIndex {
  /** A view for one lookup; the embedded engine holds one point-in-time reader open until it is closed. */
  View open();

  interface View extends AutoCloseable {
    /** Term statistics of what this view searches, to weigh the claim's words. */
    DocFrequencies statistics();

    /**
     * The best {@code n} statements for {@code query} (ranked by BM25 over index-wide statistics), and how many
     * match, exactly up to {@code countUpTo}.
     */
    Found search(Query query, int n, int countUpTo);

    /**
     * As {@link #search}, keeping only the best statement of each group of duplicates, as a page of
     * {@code /api/search} does on the same engine (an engine whose search does not collapse returns
     * {@link #search}'s answer).
     */
    default Found searchDistinct(Query query, int n, int countUpTo) {
      return search(query, n, countUpTo);
    }

    @Override
    void close();
  }

  record Found(long total, List<Statement> statements) {}

  /** A statement as claim lookup shows it; {@code title} and {@code body} are those of its own language. */
  record Statement(
      float score, String id, String agency, String language, String type, String title, String body,
      String publishedAt, String sourceUrl, String contentHash, int version) {}
}
