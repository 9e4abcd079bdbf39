package org.bayan.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.bayan.ingest.RejectsReport;
import org.bayan.ingest.ReleaseParser;
import org.bayan.ingest.feed.FeedPoller;
import org.bayan.ingest.feed.FetchState;
import org.bayan.ingest.fetch.Fetcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "fetch", mixinStandardHelpOptions = true,
    description = "Poll the RSS/Atom feeds registered for the agencies (agencies.json, 'feeds'), store and index "
        + "new and changed items. Only registered feed URLs are fetched.")
final class FetchCommand implements Callable<Integer> {
  @Mixin DataOptions data;
  @Mixin FetchOptions fetch;

  @Option(names = "--agency", paramLabel = "SLUG", description = "Only this agency's feeds.")
  String agency;

  @Override
  public Integer call() throws Exception {
    try (Engine engine = Engine.open(data.data(), data.analyzers(), false)) {
      if (engine.index == null) {
        System.err.println("a running server holds the index: items go to the store and the server indexes them");
      }
      List<FeedPoller.FeedResult> results = poller(engine, fetch).pollAll(agency);
      results.forEach(System.out::println);
      if (results.isEmpty()) System.out.println("no feeds registered" + (agency == null ? "" : " for " + agency));
      return results.stream().anyMatch(r -> r.error() != null) ? 1 : 0;
    }
  }

  static FeedPoller poller(Engine engine, FetchOptions fetch) {
    return new FeedPoller(engine.store, engine.agencies, engine.sync, new RejectsReport(engine.layout.rejectsFile()),
        new Fetcher(fetch.settings()), new FetchState(engine.layout.fetchStateFile()), ReleaseParser.DEFAULT_MAX_BODY_CHARS);
  }
}
