package org.bayan.http.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.bayan.http.WebSettings;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.bayan.http.Json;
import org.bayan.search.InvalidParameterException;
import org.bayan.search.SearchRequest;
import org.bayan.search.StatementSearch;
import org.bayan.search.claims.ClaimHit;
import org.bayan.search.claims.ClaimRequest;
import org.bayan.search.claims.ClaimResponse;
import org.bayan.search.claims.ClaimService;
import org.bayan.search.StatementReader;
import org.bayan.search.StatementView;
import org.bayan.statement.Agency;

/**
 * The human side of Bayan: the search page ({@code /}), the claim page ({@code /claim}), statement pages
 * ({@code /s/{id}}), the framable search
 * box ({@code /embed}) and the files they use ({@code /static/*}, {@code /embed.js}). Pages are complete HTML
 * without JavaScript; {@code /static/app.js} only adds conveniences.
 */
public final class PageController {
  private final StatementSearch search;
  private final ClaimService claims;
  private final StatementReader statements;
  private final Supplier<List<Agency>> agencies;
  private final Assets assets = new Assets();
  private final SearchPage searchPage;
  private final StatementPage statementPage;
  private final ClaimPage claimPage;
  private final Layout layout;
  private final WebSettings web;

  /** {@code web} gives the base of absolute links. */
  public PageController(StatementSearch search, StatementReader statements, Supplier<List<Agency>> agencies,
      ClaimService claims, WebSettings web) {
    this.web = web;
    this.claims = Objects.requireNonNull(claims, "claims");
    this.search = search;
    this.statements = statements;
    this.agencies = agencies;
    this.layout = new Layout(assets);
    this.searchPage = new SearchPage(layout);
    this.statementPage = new StatementPage(layout);
    this.claimPage = new ClaimPage(layout);
  }

  public void home(Context ctx) {
    // The claim page's older addresses: the form that posted to / and the ?mode=claim link.
    if (ctx.method().name().equals("POST") || "claim".equals(ctx.queryParam("mode"))) {
      claim(ctx);
      return;
    }
    Ui ui = ui(ctx);
    String claim = null;
    Map<String, List<String>> query = new LinkedHashMap<>(ctx.queryParamMap());
    if (ctx.method().name().equals("POST")) {
      query.putAll(ctx.formParamMap());
      claim = Optional.ofNullable(ctx.formParam("claim")).map(String::strip).orElse("");
      if (claim.length() > ClaimRequest.MAX_TEXT_CHARS) claim = claim.substring(0, ClaimRequest.MAX_TEXT_CHARS);
    }
    SearchParams params = SearchParams.of(query, claim);
    boolean claimMode = "claim".equals(params.first("mode"));
    JsonNode response = null;
    String error = null;
    try {
      if (claim != null && claim.isEmpty()) {
        // an empty form sent: ask for the claim rather than list every statement under a claim heading
        error = ui.t("claim_empty");
        ctx.status(HttpStatus.BAD_REQUEST);
      } else if (claim != null) {
        response = claimResults(claim, params, origin(ctx));
      } else {
        response = Json.mapper().valueToTree(search.search(SearchRequest.parse(params.request())));
      }
    } catch (InvalidParameterException e) {
      error = e.getMessage();
      ctx.status(HttpStatus.BAD_REQUEST);
    }
    List<Agency> all = agencies.get();
    Map<String, Agency> byId = new LinkedHashMap<>();
    for (Agency a : all) byId.put(a.id(), a);
    Map<String, Long> counts = search.countByAgency(new ArrayList<>(byId.keySet()));
    html(ctx, searchPage.render(new SearchPage.Model(ui, params, response, error, claim, claimMode || claim != null,
        byId, counts, origin(ctx))));
  }

  /**
   * Claim lookup shown like search results: each statement with the sentences that bear on the claim as its
   * snippet (already escaped, matches marked) and its title escaped here.
   */
  private JsonNode claimResults(String claim, SearchParams params, String origin) {
    ClaimResponse res = claims.search(ClaimRequest.parse(claim, params.first("lang"), params.all("agency"),
        params.first("from"), params.first("to"), params.all("type"), null, origin));
    var out = Json.mapper().createObjectNode();
    out.put("query", claim);
    out.put("total", res.hits().size());
    out.put("claim", true);
    var hits = out.putArray("hits");
    for (ClaimHit h : res.hits()) {
      var o = hits.addObject();
      o.put("id", h.id());
      o.set("agency", Json.mapper().valueToTree(h.agency()));
      o.put("title", Html.esc(h.title()));
      o.put("snippet", String.join(" … ", h.evidence().stream().map(e -> e.text()).toList()));
      o.put("published_at", h.publishedAt());
      o.put("source_url", h.sourceUrl());
      o.put("language", h.language());
      o.put("type", h.type());
      o.put("content_hash", h.contentHash());
    }
    return out;
  }

  /**
   * The claim page: {@code GET /claim?text=…} (a lookup anyone can link to) and the same parameters posted as a
   * form. The claim is {@code text} ({@code claim} in the older form); filters and {@code ui} as on the search page.
   */
  public void claim(Context ctx) {
    Map<String, List<String>> params = new LinkedHashMap<>(ctx.queryParamMap());
    if (ctx.method().name().equals("POST")) params.putAll(ctx.formParamMap());
    String uiParam = ClaimPage.first(params, "ui");
    Ui ui = Ui.choose(uiParam, ctx.header("Accept-Language"));
    List<String> texts = params.containsKey("text") ? params.get("text") : params.get("claim");
    String text = texts == null || texts.isEmpty() || texts.getFirst() == null ? null : texts.getFirst();
    ClaimPage.Filters filters = ClaimPage.filters(params);
    ClaimResponse response = null;
    String error = null;
    if (text != null && text.isBlank()) {
      // An empty form sent: ask for the claim rather than list statements under a claim heading.
      error = ui.t("claim_empty");
      ctx.status(HttpStatus.BAD_REQUEST);
    } else if (text != null) {
      try {
        response = claims.search(ClaimRequest.parse(text, filters.lang(), filters.agencies(), filters.from(),
            filters.to(), filters.types(), null, origin(ctx)));
      } catch (InvalidParameterException e) {
        error = e.getMessage();
        ctx.status(HttpStatus.BAD_REQUEST);
      }
    }
    boolean uiExplicit = "ar".equals(uiParam) || "en".equals(uiParam);
    html(ctx, claimPage.render(new ClaimPage.Model(ui, uiExplicit, text, filters, response, error)));
  }

  public void statement(Context ctx) {
    Ui ui = ui(ctx);
    String id = ctx.pathParam("id");
    String v = ctx.queryParam("version");
    Optional<StatementView> view;
    if (v == null || v.isBlank()) {
      view = statements.latest(id);
    } else {
      try {
        view = statements.version(id, Integer.parseInt(v.strip()));
      } catch (NumberFormatException e) {
        view = Optional.empty();
      }
    }
    if (view.isEmpty()) {
      ctx.status(HttpStatus.NOT_FOUND);
      html(ctx, layout.page(ui, ui.t("not_found"), "", "<div class=\"notice error\" role=\"alert\"><h1>"
          + Html.esc(ui.t("not_found")) + "</h1><p dir=\"auto\"><code>" + Html.esc(id) + "</code></p><p><a href=\"/\">"
          + Html.esc(ui.t("back")) + "</a></p></div>", "/s/" + SearchParams.enc(id) + "?ui=" + ui.other().lang(), "statement-page"));
      return;
    }
    // Statement fields beyond the release (a verification status) are read from here once the API has them.
    JsonNode data = Json.mapper().createObjectNode();
    html(ctx, statementPage.render(ui, view.get(), data, statements.versions(id), origin(ctx), ctx.queryParam("ui") != null));
  }

  /**
   * The page a reader gets for a path that leads nowhere (the status is set by the caller, the one error
   * mapping): what was asked for, and the way back to search.
   */
  public void notFound(Context ctx) {
    Ui ui = ui(ctx);
    html(ctx, layout.page(ui, ui.t("page_not_found"), "", "<div class=\"notice error\" role=\"alert\"><h1>"
        + Html.esc(ui.t("page_not_found")) + "</h1><p><bdi dir=\"ltr\"><code>" + Html.esc(ctx.path())
        + "</code></bdi></p><p><a href=\"/" + (ui.arabic() ? "" : "?ui=en") + "\">" + Html.esc(ui.t("back"))
        + "</a></p></div>", ui.arabic() ? "/?ui=en" : "/?ui=ar", "not-found-page"));
  }

  /**
   * The search box alone, for sites that can frame a page but run no third-party script. As on every page,
   * {@code ui} is the interface language and {@code lang} the language of the statements searched.
   */
  public void embed(Context ctx) {
    Ui ui = ui(ctx);
    String agency = ctx.queryParam("agency");
    String placeholder = ctx.queryParam("placeholder");
    String langs = String.join(",", ctx.queryParams("lang").stream().filter(l -> !l.isBlank()).map(String::strip).toList());
    String main = "<bayan-search ui=\"" + ui.lang() + "\" lang=\"" + ui.lang() + "\" target=\"_top\""
        + (agency == null || agency.isBlank() ? "" : " agency=\"" + Html.esc(agency) + "\"")
        + (langs.isEmpty() ? "" : " statement-lang=\"" + Html.esc(langs) + "\"")
        + " placeholder=\"" + Html.esc(placeholder == null || placeholder.isBlank() ? ui.t("search_label") : placeholder) + "\">"
        + "<form class=\"search-form\" role=\"search\" method=\"get\" action=\"/\" target=\"_top\">"
        + "<label for=\"q\" class=\"search-label\">" + Html.esc(ui.t("search_label")) + "</label>"
        + "<div class=\"field\"><input type=\"search\" id=\"q\" name=\"q\" dir=\"auto\">"
        + (agency == null || agency.isBlank() ? "" : "<input type=\"hidden\" name=\"agency\" value=\"" + Html.esc(agency) + "\">")
        + (langs.isEmpty() ? "" : String.join("", java.util.Arrays.stream(langs.split(","))
            .map(l -> "<input type=\"hidden\" name=\"lang\" value=\"" + Html.esc(l) + "\">").toList()))
        + "<input type=\"hidden\" name=\"ui\" value=\"" + ui.lang() + "\">"
        + "<button type=\"submit\">" + Html.esc(ui.t("search_button")) + "</button></div></form></bayan-search>";
    String page = Layout.fill(assets.text("embed.html"), Map.of("lang", ui.lang(), "dir", ui.dir(),
        "title", Html.esc(ui.t("search_label")), "body", main));
    html(ctx, page);
  }

  /** {@code /static/{name}} and {@code /embed.js}. */
  public void asset(Context ctx) {
    String name = ctx.path().equals("/embed.js") ? "embed.js" : "static/" + ctx.pathParam("name");
    Optional<byte[]> bytes = assets.get(name);
    if (bytes.isEmpty()) {
      throw new io.javalin.http.NotFoundResponse("no such file: " + ctx.path());
    }
    ctx.header("Cache-Control", "public, max-age=300");
    ctx.contentType(Assets.type(name)).result(bytes.get());
  }

  private static void html(Context ctx, String page) {
    ctx.header("Cache-Control", "no-cache");
    ctx.header("Vary", "Accept-Language");
    ctx.contentType("text/html; charset=utf-8").result(page);
  }

  private static Ui ui(Context ctx) {
    return Ui.choose(ctx.queryParam("ui"), ctx.header("Accept-Language"));
  }

  /** Where readers reach this server, for absolute links (permalinks, the embedding snippets). */
  private String origin(Context ctx) {
    String base = web.base(ctx);
    return base != null ? base : ctx.scheme() + "://localhost";
  }
}
