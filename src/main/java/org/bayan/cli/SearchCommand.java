package org.bayan.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bayan.http.Json;
import org.bayan.search.Hit;
import org.bayan.search.Permalinks;
import org.bayan.search.SearchRequest;
import org.bayan.search.SearchResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", mixinStandardHelpOptions = true,
    description = "Search the statements as /api/search does (same query language, filters and ranking) and print "
        + "the ranked hits with their permalinks (matched words between [ and ]). Reads the index of the data "
        + "folder read-only, so it works while a server runs on it.")
final class SearchCommand implements Callable<Integer> {
  @Mixin DataOptions data;
  @Mixin EngineOptions engineOptions;
  @Mixin PublicUrlOptions publicUrl;
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "QUERY",
      description = "Words, \"phrases\", -excluded, a OR b, prefix*, agency:/type:/lang: filters (none: newest first).")
  List<String> words;

  @Option(names = "--agency", paramLabel = "SLUG", description = "Keep statements of this agency (repeatable).")
  List<String> agencies;

  @Option(names = "--type", paramLabel = "TYPE", description = "Keep statements of this type: denial, decision, ... (repeatable).")
  List<String> types;

  @Option(names = "--category", paramLabel = "CATEGORY", description = "Keep statements of this category (repeatable).")
  List<String> categories;

  @Option(names = "--lang", paramLabel = "LANG", description = "Keep statements in ar or en.")
  List<String> langs;

  @Option(names = "--from", paramLabel = "DATE", description = "Published on or after (2024-05-01).")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Published on or before.")
  String to;

  @Option(names = "--sort", paramLabel = "ORDER", description = "relevance, newest or oldest.")
  String sort;

  @Option(names = {"-n", "--size"}, paramLabel = "N", description = "Hits per page, 1-100. Default: 10.")
  String size;

  @Option(names = "--page", paramLabel = "P", description = "Page, from 1.")
  String page;

  @Option(names = "--json", description = "Print the answer as /api/search gives it, each hit with its permalink.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (words != null && !words.isEmpty()) params.put("q", List.of(String.join(" ", words)));
    put(params, "agency", agencies);
    put(params, "type", types);
    put(params, "category", categories);
    put(params, "lang", langs);
    put(params, "from", from);
    put(params, "to", to);
    put(params, "sort", sort);
    put(params, "size", size);
    put(params, "page", page);
    SearchRequest req = SearchRequest.parse(params);
    String origin = publicUrl.origin();
    try (Engine engine = Engine.openForReading(data.data(), data.analyzers(), engineOptions.backend(spec))) {
      SearchResponse r = engine.search().search(req).withoutTiming();
      if (json) {
        ObjectNode out = Json.mapper().valueToTree(r);
        ArrayNode hits = (ArrayNode) out.get("hits");
        for (int i = 0; i < hits.size(); i++) {
          ((ObjectNode) hits.get(i)).put("permalink", Permalinks.of(origin, r.hits().get(i).id()));
        }
        System.out.println(Json.mapper().writeValueAsString(out));
        return 0;
      }
      System.out.printf("%,d statements%s; page %d:%n", r.total(), r.query() == null || r.query().isEmpty() ? ""
          : " match " + r.query(), r.page());
      if (r.didYouMean() != null) System.out.println("did you mean: " + r.didYouMean());
      int rank = (r.page() - 1) * r.size() + 1;
      for (Hit h : r.hits()) {
        System.out.printf("%n%d. %s%n", rank++, oneLine(h.title() == null ? "" : h.title()));
        List<String> facts = new ArrayList<>();
        facts.add(agencyName(h));
        facts.add(ClaimCommand.date(h.publishedAt()));
        if (h.alsoPublishedBy() != null && !h.alsoPublishedBy().isEmpty()) {
          facts.add("also published by " + h.alsoPublishedBy().size() + " more");
        }
        System.out.println("   " + String.join(" · ", facts));
        if (h.snippet() != null && !h.snippet().isBlank()) System.out.println("   " + oneLine(h.snippet()));
        System.out.println("   " + Permalinks.of(origin, h.id()));
        if (h.sourceUrl() != null) System.out.println("   source: " + h.sourceUrl());
      }
      if (r.hits().isEmpty()) System.out.println("no statement matches");
    }
    return 0;
  }

  private static String oneLine(String html) {
    return ClaimCommand.plain(html).replaceAll("\\s+", " ").strip();
  }

  private static String agencyName(Hit h) {
    if (h.agency() == null) return "";
    String name = h.language() != null && h.language().equals("en") ? h.agency().nameEn() : h.agency().nameAr();
    return name != null && !name.isBlank() ? name : h.agency().id();
  }

  private static void put(Map<String, List<String>> params, String name, List<String> values) {
    if (values != null && !values.isEmpty()) params.put(name, values);
  }

  private static void put(Map<String, List<String>> params, String name, String value) {
    if (value != null) params.put(name, List.of(value));
  }
}
