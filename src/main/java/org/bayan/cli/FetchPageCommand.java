package org.bayan.cli;

import java.util.concurrent.Callable;
import org.bayan.ingest.RejectsReport;
import org.bayan.ingest.ReleaseParser;
import org.bayan.ingest.fetch.Fetcher;
import org.bayan.ingest.page.PageFetcher;
import org.bayan.store.AppendResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fetch-page", mixinStandardHelpOptions = true,
    description = "Fetch one release page of an agency, extract title, date and body with the agency's selectors "
        + "(or the fallback), and store and index it. The URL must be under the agency's registered pages.urls.")
final class FetchPageCommand implements Callable<Integer> {
  @Mixin DataOptions data;
  @Mixin FetchOptions fetch;

  @Parameters(index = "0", paramLabel = "URL")
  String url;

  @Option(names = "--agency", required = true, paramLabel = "SLUG")
  String agency;

  @Override
  public Integer call() throws Exception {
    try (Engine engine = Engine.open(data.data(), data.analyzers(), false)) {
      PageFetcher pages = new PageFetcher(engine.store, engine.agencies, engine.sync,
          new RejectsReport(engine.layout.rejectsFile()), new Fetcher(fetch.settings()), ReleaseParser.DEFAULT_MAX_BODY_CHARS);
      try {
        AppendResult r = pages.fetch(url, agency);
        System.out.println(r.outcome().name().toLowerCase() + " " + r.version().id() + " (version " + r.version().version() + ")");
        return 0;
      } catch (org.bayan.ingest.InvalidRecordException e) {
        System.err.println("rejected " + url + ": " + e.getMessage() + " (kept in " + engine.layout.rejectsFile() + ")");
        return 1;
      }
    }
  }
}
