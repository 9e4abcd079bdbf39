package org.bayan.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.bayan.index.Fields;
import org.bayan.statement.Agency;

/**
 * Stages {@link SearchStage#FETCH}, {@link SearchStage#HIGHLIGHT} and {@link SearchStage#DUPLICATES}: the page's
 * hits as answers. Each hit's stored fields are read once, and the highlighter reads its text from them; past
 * the budget, hits show their lead unmarked. Duplicates are looked up only for hits that have a group.
 */
final class FetchStage {
  private static final Set<String> DUPLICATE_REF_FIELDS = Set.of(Fields.ID, Fields.AGENCY, Fields.PUBLISHED);

  private final Analyzer analyzer;
  private final Function<String, Optional<Agency>> agencies;

  FetchStage(Analyzer analyzer, Function<String, Optional<Agency>> agencies) {
    this.analyzer = analyzer;
    this.agencies = agencies;
  }

  void run(SearchContext c) throws IOException {
    ScoreDoc[] page = c.page;
    List<Hit> hits = new ArrayList<>(page.length);
    c.hits = hits;
    if (page.length == 0) return;
    long t = c.timings.start();
    StoredFields stored = c.acquired.storedFields();
    int[] ids = new int[page.length];
    Document[] docs = new Document[ids.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = page[i].doc;
      docs[i] = stored.document(ids[i]);
    }
    c.timings.stop(SearchStage.FETCH, t);
    Snippets.Highlighted[] marked = null;
    if (!c.plan.browse() && !c.partial) {
      t = c.timings.start();
      marked = Snippets.highlight(c.acquired, analyzer, c.plan.highlight(), ids, docs);
      c.timings.stop(SearchStage.HIGHLIGHT, t);
    }
    t = c.timings.start();
    for (int i = 0; i < ids.length; i++) {
      Document d = docs[i];
      String lang = Fields.indexLanguage(d.get(Fields.LANGUAGE));
      String title = marked == null ? null : marked[i].title();
      if (title == null) title = Snippets.escape(d.get(Fields.title(lang)));
      String snippet = marked == null ? null : marked[i].snippet();
      if (snippet == null) snippet = Snippets.escape(Snippets.lead(d.get(Fields.body(lang))));
      String agencyId = d.get(Fields.AGENCY);
      int version = d.getField(Fields.VERSION).numericValue().intValue();
      hits.add(new Hit(
          d.get(Fields.ID), AgencyRef.of(agencyId, agencies.apply(agencyId).orElse(null)), title, snippet,
          d.get(Fields.PUBLISHED), d.get(Fields.SOURCE_URL), d.get(Fields.LANGUAGE),
          c.plan.browse() || Float.isNaN(page[i].score) ? 0f : page[i].score, version,
          d.get(Fields.CONTENT_HASH), d.get(Fields.STATUS), version > 1,
          members(c.acquired, d.get(Fields.DUP_GROUP), d.get(Fields.ID))));
    }
    c.timings.stop(SearchStage.DUPLICATES, t);
  }

  /** The other statements of {@code group} (null: a statement with no duplicates), up to the listing cap. */
  List<DuplicateRef> members(IndexSearcher searcher, String group, String exceptId) throws IOException {
    if (group == null) return List.of();
    Term t = new Term(Fields.DUP_GROUP, group);
    if (searcher.getIndexReader().docFreq(t) < 2) return List.of();
    TopDocs td = searcher.search(new TermQuery(t), SearchService.MAX_DUPLICATES_LISTED + 1,
        new Sort(new SortField(Fields.PUBLISHED, SortField.Type.LONG), new SortField(Fields.ID, SortField.Type.STRING)));
    StoredFields stored = searcher.storedFields();
    List<DuplicateRef> out = new ArrayList<>();
    for (ScoreDoc sd : td.scoreDocs) {
      // Only the three fields a reference shows: a page of wire copies read each member's whole body (a fifth
      // of a search at 1M statements, BENCHMARKS.md).
      DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(DUPLICATE_REF_FIELDS);
      stored.document(sd.doc, visitor);
      Document d = visitor.getDocument();
      String id = d.get(Fields.ID);
      if (id.equals(exceptId)) continue;
      String agencyId = d.get(Fields.AGENCY);
      out.add(new DuplicateRef(id, AgencyRef.of(agencyId, agencies.apply(agencyId).orElse(null)), d.get(Fields.PUBLISHED)));
      if (out.size() >= SearchService.MAX_DUPLICATES_LISTED) break;
    }
    return out;
  }
}
