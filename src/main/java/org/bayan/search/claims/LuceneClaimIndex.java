package org.bayan.search.claims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.bayan.index.Fields;
import org.bayan.index.LuceneIndex;
import org.bayan.search.DocFrequencies;
import org.bayan.search.GramsRescore;
import org.bayan.search.SearchService;

/** Claim lookup over the embedded index: statistics and search over one point-in-time reader. */
final class LuceneClaimIndex implements ClaimIndex {
  /** The widest window of hits collapsed to fill an answer (a group of wire copies rarely needs a second pass). */
  private static final int MAX_WINDOW = 5_000;
  private final LuceneIndex index;
  private final BM25Similarity similarity; // null: the index's own

  /** With BM25 parameters in {@code tuning} (a tuning run), scores with them instead of the index's own. */
  LuceneClaimIndex(LuceneIndex index, ClaimTuning tuning) {
    this.index = index;
    this.similarity = tuning.k1() > 0 ? new BM25Similarity(tuning.k1(), tuning.b()) : null;
  }

  @Override
  public View open() {
    IndexSearcher shared = index.acquire();
    DocFrequencies stats = DocFrequencies.of(shared.getIndexReader());
    // A tuning run's similarity: a searcher of its own over the same reader (cheap, no caches).
    IndexSearcher scoring = shared;
    if (similarity != null) {
      scoring = new IndexSearcher(shared.getIndexReader());
      scoring.setSimilarity(similarity);
    }
    IndexSearcher searcher = scoring;
    return new View() {
      @Override
      public DocFrequencies statistics() {
        return stats;
      }

      @Override
      public Found search(Query query, int n, int countUpTo) {
        try {
          // Two passes, as /api/search ranks: a claim's hundred trigrams scored over every match were most of
          // the time of a lookup.
          TopDocs top = GramsRescore.top(searcher, query, n, countUpTo);
          StoredFields stored = shared.storedFields();
          List<Statement> out = new ArrayList<>(top.scoreDocs.length);
          for (ScoreDoc sd : top.scoreDocs) out.add(statement(stored.document(sd.doc), sd.score));
          return new Found(top.totalHits.value(), out);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public Found searchDistinct(Query query, int n, int countUpTo) {
        try {
          // As a search page collapses: a window of hits, widened only when collapsing left too few.
          int window = Math.max(n * 3, n + 50);
          while (true) {
            TopDocs top = GramsRescore.top(searcher, query, window, countUpTo);
            List<ScoreDoc> kept = SearchService.collapseDuplicates(shared, top.scoreDocs, n);
            if (kept.size() >= n || top.scoreDocs.length < window || window >= MAX_WINDOW) {
              StoredFields stored = shared.storedFields();
              List<Statement> out = new ArrayList<>(kept.size());
              for (ScoreDoc sd : kept) out.add(statement(stored.document(sd.doc), sd.score));
              return new Found(top.totalHits.value(), out);
            }
            window = Math.min(MAX_WINDOW, window * 4);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public void close() {
        index.release(shared);
      }
    };
  }

  private static Statement statement(Document d, float score) {
    String lang = Fields.indexLanguage(d.get(Fields.LANGUAGE));
    return new Statement(score, d.get(Fields.ID), d.get(Fields.AGENCY), d.get(Fields.LANGUAGE), d.get(Fields.TYPE),
        d.get(Fields.title(lang)), d.get(Fields.body(lang)), d.get(Fields.PUBLISHED), d.get(Fields.SOURCE_URL),
        d.get(Fields.CONTENT_HASH), d.getField(Fields.VERSION).numericValue().intValue());
  }
}
