package org.bayan.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.bayan.search.DocFrequencies;
import org.bayan.search.GramsQuery;
import org.bayan.search.claims.FormsQuery;

/**
 * The query DSL of a Lucene query built by Bayan's query compiler. Translating the compiled query (rather than
 * re-deriving one from the request) keeps the engines' ranking the same: the same terms, fields, boosts and
 * boolean structure. Terms are already analyzed by Bayan, so term-level queries are used throughout; a phrase
 * is re-tokenized by whitespace only, which gives back the analyzed terms.
 */
final class QueryDsl {
  private final ObjectMapper json;
  /** The cluster's term statistics: which trigrams of a {@link GramsQuery} are scored depends on them. */
  private final DocFrequencies statistics;

  QueryDsl(ObjectMapper json, DocFrequencies statistics) {
    this.json = json;
    this.statistics = statistics;
  }

  ObjectNode of(Query q) {
    return of(q, 1f);
  }

  private ObjectNode of(Query q, float boost) {
    ObjectNode out = json.createObjectNode();
    switch (q) {
      case BoostQuery b -> {
        return of(b.getQuery(), boost * b.getBoost());
      }
      case GramsQuery g -> {
        return of(g.kept(statistics), boost);
      }
      case TermQuery t -> {
        ObjectNode f = out.putObject("term").putObject(t.getTerm().field());
        f.put("value", t.getTerm().text());
        boost(f, boost);
      }
      case PrefixQuery p -> {
        ObjectNode f = out.putObject("prefix").putObject(p.getField());
        f.put("value", p.getPrefix().text());
        boost(f, boost);
      }
      case PhraseQuery p -> {
        Term[] terms = p.getTerms();
        if (terms.length == 0) return matchNone();
        List<String> words = new ArrayList<>();
        for (Term t : terms) words.add(t.text());
        ObjectNode f = out.putObject("match_phrase").putObject(p.getField());
        f.put("query", String.join(" ", words));
        f.put("analyzer", "whitespace");
        int[] pos = p.getPositions();
        // Gaps left by removed words widen the phrase: allow them as slop.
        int gaps = pos.length == 0 ? 0 : pos[pos.length - 1] - pos[0] - (pos.length - 1);
        if (p.getSlop() + gaps > 0) f.put("slop", p.getSlop() + gaps);
        boost(f, boost);
      }
      case FormsQuery f -> {
        // No query of the DSL adds the frequencies of several terms into one, as the SynonymQuery Lucene runs
        // does: the best-scoring form counts (dis_max), the word's own form fully and a variant at its weight.
        if (f.forms().size() == 1 || f.variantWeight() <= 0) return of(new TermQuery(new Term(f.field(), f.forms().getFirst())), boost);
        ObjectNode dis = out.putObject("dis_max");
        ArrayNode queries = dis.putArray("queries");
        for (int i = 0; i < f.forms().size(); i++) {
          ObjectNode t = queries.addObject().putObject("term").putObject(f.field());
          t.put("value", f.forms().get(i));
          if (i > 0) t.put("boost", f.variantWeight());
        }
        boost(dis, boost);
      }
      case MultiPhraseQuery p -> {
        // Words near each other in any order, each in any of its forms: span_near over span_or groups. Its
        // sloppy frequency and summed idf score as the sloppy phrase does; unlike it, a reversed pair
        // costs no extra slop.
        Term[][] groups = p.getTermArrays();
        if (groups.length == 0) return matchNone();
        ObjectNode near = out.putObject("span_near");
        ArrayNode clauses = near.putArray("clauses");
        for (Term[] group : groups) {
          if (group.length == 1) {
            clauses.addObject().putObject("span_term").put(group[0].field(), group[0].text());
          } else {
            ArrayNode any = clauses.addObject().putObject("span_or").putArray("clauses");
            for (Term t : group) any.addObject().putObject("span_term").put(t.field(), t.text());
          }
        }
        int[] pos = p.getPositions();
        int gaps = pos.length == 0 ? 0 : pos[pos.length - 1] - pos[0] - (pos.length - 1);
        near.put("slop", p.getSlop() + gaps);
        near.put("in_order", false);
        boost(near, boost);
      }
      case ConstantScoreQuery c -> {
        ObjectNode cs = out.putObject("constant_score");
        cs.set("filter", of(c.getQuery()));
        boost(cs, boost);
      }
      case MatchAllDocsQuery m -> boost(out.putObject("match_all"), boost);
      case MatchNoDocsQuery m -> {
        return matchNone();
      }
      case PointRangeQuery r when r.getNumDims() == 1 && r.getBytesPerDim() == Long.BYTES -> {
        long lo = LongPoint.decodeDimension(r.getLowerPoint(), 0);
        long hi = LongPoint.decodeDimension(r.getUpperPoint(), 0);
        ObjectNode f = out.putObject("range").putObject(r.getField());
        if (lo != Long.MIN_VALUE) f.put("gte", lo);
        if (hi != Long.MAX_VALUE) f.put("lte", hi);
        f.put("format", "epoch_millis");
      }
      case BooleanQuery b -> {
        ObjectNode bool = json.createObjectNode();
        boolean matches = false;
        for (BooleanClause c : b.clauses()) {
          String occur = switch (c.occur()) {
            case MUST -> "must";
            case SHOULD -> "should";
            case FILTER -> "filter";
            case MUST_NOT -> "must_not";
          };
          if (c.occur() != BooleanClause.Occur.MUST_NOT) matches = true;
          ArrayNode list = bool.has(occur) ? (ArrayNode) bool.get(occur) : bool.putArray(occur);
          list.add(of(c.query()));
        }
        // Lucene matches nothing with no positive clause; OpenSearch would match everything.
        if (!matches) return matchNone();
        if (b.getMinimumNumberShouldMatch() > 0) bool.put("minimum_should_match", b.getMinimumNumberShouldMatch());
        boost(bool, boost);
        out.set("bool", bool);
      }
      default -> throw new IllegalArgumentException("no OpenSearch translation of " + q.getClass().getSimpleName()
          + " (" + q + ")");
    }
    return out;
  }

  private ObjectNode matchNone() {
    ObjectNode out = json.createObjectNode();
    out.putObject("match_none");
    return out;
  }

  private static void boost(ObjectNode node, float boost) {
    if (boost != 1f) node.put("boost", boost);
  }
}
