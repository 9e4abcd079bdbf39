package org.bayan.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.bayan.index.Fields;

/**
 * Stage: each duplicate group's best hit, in ranked order, until the pages up to this one are filled. After a
 * cursor, a group whose best hit ranks before the cursor was shown on an earlier page: its later copies stay out
 * of this one too (a first page needs no check: nothing came before it).
 */
final class CollapseStage {
  private CollapseStage() {}

  /** Whether a hit's duplicate group was already shown on an earlier page. */
  @FunctionalInterface
  interface GroupCheck {
    boolean test(String group, ScoreDoc hit) throws IOException;
  }

  static void run(SearchContext c) throws IOException {
    long t = c.timings.start();
    if (c.req.cursor() != null && c.shownBefore == null) c.shownBefore = shownBefore(c);
    c.kept = collapse(c.searcher, c.docs.scoreDocs, c.need, c.shownBefore);
    c.timings.stop(SearchStage.COLLAPSE, t);
  }

  // With a head, a group's best hit is its first in the head, or else its best in first-pass order.
  private static GroupCheck shownBefore(SearchContext c) throws IOException {
    IndexSearcher s = c.acquired;
    if (c.head == null) return (group, hit) -> !isBestOfGroup(s, c.plan.query(), c.plan.order(), group, hit);
    Map<String, Integer> headBest = firstOfGroups(s, c.head.hits().scoreDocs);
    return (group, hit) -> headBest.containsKey(group) ? headBest.get(group) != hit.doc
        : !isBestOfGroup(s, c.head.words(), c.plan.order(), group, hit);
  }

  // Whether `hit` is its group's first statement in the order of `query` (the one a page shows for the group).
  private static boolean isBestOfGroup(IndexSearcher searcher, Query query, SortOrder order, String group, ScoreDoc hit)
      throws IOException {
    Term t = new Term(Fields.DUP_GROUP, group);
    if (searcher.getIndexReader().docFreq(t) < 2) return true;
    Query members = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
        .add(new TermQuery(t), BooleanClause.Occur.FILTER).build();
    ScoreDoc[] best = searcher.search(members, FirstPassStage.topDocs(order, 1, null, searcher, 1)).scoreDocs;
    return best.length == 0 || best[0].doc == hit.doc;
  }

  /**
   * The first (best) hit of each duplicate group among {@code docs}, up to {@code need} hits; with
   * {@code shownBefore}, not a group already shown on an earlier page.
   */
  static List<ScoreDoc> collapse(IndexSearcher searcher, ScoreDoc[] docs, int need, GroupCheck shownBefore)
      throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Set<String> seen = new HashSet<>();
    List<ScoreDoc> kept = new ArrayList<>(Math.min(docs.length, need));
    for (ScoreDoc sd : docs) {
      String g = groupOf(leaves, sd.doc);
      if (g != null && !seen.add(g)) continue;
      if (g == null || shownBefore == null || !shownBefore.test(g, sd)) kept.add(sd);
      if (kept.size() >= need) break;
    }
    return kept;
  }

  // The duplicate group of a document, or null.
  private static String groupOf(List<LeafReaderContext> leaves, int doc) throws IOException {
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedDocValues groups = leaf.reader().getSortedDocValues(Fields.DUP_GROUP);
    return groups != null && groups.advanceExact(doc - leaf.docBase)
        ? groups.lookupOrd(groups.ordValue()).utf8ToString() : null;
  }

  // Group → its first document among `hits`.
  private static Map<String, Integer> firstOfGroups(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
    Map<String, Integer> first = new HashMap<>();
    for (ScoreDoc sd : hits) {
      String g = groupOf(searcher.getIndexReader().leaves(), sd.doc);
      if (g != null) first.putIfAbsent(g, sd.doc);
    }
    return first;
  }
}
