package org.bayan.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.bayan.cli.SearchBackend;
import org.bayan.index.Fields;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The result list's promises ({@link ResultListContract}) on the embedded engine; and a keyword query of two or
 * three words lists the statements holding more of its words first.
 */
class ResultListPropertiesTest extends ResultListContract {
  @BeforeAll
  static void indexDemo() throws Exception {
    indexDemo(SearchBackend.LUCENE);
  }

  @Test
  void keyword_queries_rank_statements_holding_more_of_their_words_first() throws Exception {
    long seed = Long.getLong("bayan.seed", System.nanoTime());
    Random random = new Random(seed);
    List<String> queries = new ArrayList<>(List.of("border wall", "health care veterans", "وزارة الصحة",
        "الحكومة في تونس", "the border wall"));
    while (queries.size() < 20) {
      int n = 2 + random.nextInt(2);
      List<String> q = new ArrayList<>();
      for (int i = 0; i < n; i++) q.add(words.get(random.nextInt(words.size())));
      queries.add(String.join(" ", q));
    }
    IndexSearcher searcher = server.engine.index.acquire();
    try {
      for (String q : queries) {
        String context = "query " + q + " (seed " + seed + ")";
        List<List<String>> wordTerms = new ArrayList<>();
        for (String w : q.split(" ")) {
          List<String> t = stemmed(w);
          if (!t.isEmpty() && !wordTerms.contains(t)) wordTerms.add(t);
        }
        Walk walk = byPage(q, null, 100, context);
        int previous = Integer.MAX_VALUE;
        int rank = 0;
        for (Seen hit : walk.hits()) {
          rank++;
          int held = held(searcher, hit.id(), wordTerms);
          assertTrue(held <= previous, hit.id() + " at rank " + rank + " holds " + held
              + " of the words, more than a statement above it: " + context);
          previous = held;
        }
      }
    } finally {
      server.engine.index.release(searcher);
    }
  }

  /**
   * A word as the stemmed fields hold it: "lang:term" for each chain that keeps it, none for a stop word (one
   * the chain of its own script leaves out).
   */
  private static List<String> stemmed(String word) throws Exception {
    boolean arabic = word.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
    List<String> out = new ArrayList<>();
    boolean ownKept = false;
    for (String lang : Fields.LANGUAGES) {
      List<String> t = analyzed(Fields.body(lang), word);
      for (String term : t) out.add(lang + ":" + term);
      if (lang.equals(arabic ? "ar" : "en") && !t.isEmpty()) ownKept = true;
    }
    return ownKept ? out : List.of();
  }

  private static List<String> analyzed(String field, String text) throws Exception {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = server.engine.index.analyzer().tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    }
    return out;
  }

  /** How many of the words statement {@code id} holds in its title or body. */
  private static int held(IndexSearcher searcher, String id, List<List<String>> wordTerms) throws Exception {
    int held = 0;
    for (List<String> terms : wordTerms) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String t : terms) {
        String lang = t.substring(0, 2);
        String term = t.substring(3);
        any.add(new TermQuery(new Term(Fields.title(lang), term)), BooleanClause.Occur.SHOULD);
        any.add(new TermQuery(new Term(Fields.body(lang), term)), BooleanClause.Occur.SHOULD);
      }
      Query q = new BooleanQuery.Builder().add(any.build(), BooleanClause.Occur.MUST)
          .add(new TermQuery(new Term(Fields.ID, id)), BooleanClause.Occur.FILTER).build();
      if (searcher.count(q) > 0) held++;
    }
    return held;
  }

}
