package org.bayan.http;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;
import org.bayan.search.AgencyRef;
import org.bayan.search.DuplicateRef;
import org.bayan.search.InvalidParameterException;
import org.bayan.search.SearchService;
import org.bayan.search.StatementReader;
import org.bayan.search.StatementView;
import org.bayan.statement.Agency;
import org.bayan.statement.Release;

/** {@code GET /api/statements/{id}} and {@code GET /api/agencies}. */
final class StatementController {
  private final StatementReader statements;
  private final SearchService search;
  private final java.util.function.Supplier<List<Agency>> agencies;

  StatementController(StatementReader statements, SearchService search, java.util.function.Supplier<List<Agency>> agencies) {
    this.statements = statements;
    this.search = search;
    this.agencies = agencies;
  }

  /**
   * The full statement. Its text is returned as data, exactly as stored (the content hash is computed over
   * it); clients must escape it where they show it, as Bayan's own pages do.
   */
  void statement(Context ctx) {
    String id = ctx.pathParam("id");
    String v = ctx.queryParam("version");
    StatementView view;
    if (v == null || v.isBlank()) {
      view = statements.latest(id).orElseThrow(() -> notFound(id));
    } else {
      int n;
      try {
        n = Integer.parseInt(v.strip());
      } catch (NumberFormatException e) {
        throw new InvalidParameterException("version", "'" + v + "' is not a whole number");
      }
      view = statements.version(id, n).orElseThrow(
          () -> new NotFoundResponse("statement '" + ErrorMapping.sanitize(id) + "' has no version " + n));
    }
    ctx.json(StatementJson.of(view, search.duplicatesOf(id)));
  }

  void agencies(Context ctx) {
    List<Agency> all = agencies.get();
    Map<String, Long> counts = search.countByAgency(all.stream().map(Agency::id).toList());
    ctx.json(Map.of("agencies", all.stream().map(a -> new AgencyJson(
        a.id(), a.nameAr(), a.nameEn(), a.kind(), a.website(), counts.getOrDefault(a.id(), 0L))).toList()));
  }

  private static NotFoundResponse notFound(String id) {
    return new NotFoundResponse("no statement with id '" + ErrorMapping.sanitize(id) + "'");
  }

  record AgencyJson(String id, String nameAr, String nameEn, String kind, String website, long statements) {}

  record StatementJson(
      String id, int version, int versions, AgencyRef agency, String title, String body, String language,
      String publishedAt, String sourceUrl, String category, String type, String contentHash, String ingestedAt,
      List<DuplicateRef> duplicates) {
    static StatementJson of(StatementView v, List<DuplicateRef> duplicates) {
      Release r = v.version().release();
      return new StatementJson(r.id(), v.version().version(), v.versionCount(), v.agency(), r.title(), r.body(),
          r.language(), r.publishedAt(), r.sourceUrl(), r.category(), r.type(), v.version().contentHash(),
          v.version().ingestedAt().toString(), duplicates);
    }
  }
}
