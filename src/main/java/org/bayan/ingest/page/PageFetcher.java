package org.bayan.ingest.page;

import org.bayan.ingest.Admission;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bayan.ingest.IndexSync;
import org.bayan.ingest.InvalidRecordException;
import org.bayan.ingest.RawRecord;
import org.bayan.ingest.Rejection;
import org.bayan.ingest.RejectsReport;
import org.bayan.ingest.ReleaseParser;
import org.bayan.ingest.fetch.FetchException;
import org.bayan.ingest.fetch.Fetched;
import org.bayan.ingest.fetch.Fetcher;
import org.bayan.statement.Agency;
import org.bayan.statement.Release;
import org.bayan.store.AgencyRegistry;
import org.bayan.store.AppendResult;
import org.bayan.store.ReleaseStore;

/**
 * Fetches one release page of an agency, extracts it, validates, stores and indexes it. Only URLs under the
 * agency's registered page prefixes ({@code pages.urls}, matched by {@link org.bayan.statement.PageRules}) are
 * fetched, the first request and every redirect hop alike.
 */
public final class PageFetcher {
  private final ReleaseStore store;
  private final AgencyRegistry agencies;
  private final IndexSync sync;
  private final RejectsReport rejects;
  private final Fetcher fetcher;
  private final Admission admission;

  public PageFetcher(ReleaseStore store, AgencyRegistry agencies, IndexSync sync, RejectsReport rejects,
      Fetcher fetcher, int maxBodyChars) {
    this.store = store;
    this.agencies = agencies;
    this.sync = sync;
    this.rejects = rejects;
    this.fetcher = fetcher;
    this.admission = new Admission(agencies::get, maxBodyChars);
  }

  /** Returns what the store did; throws with the reason when the page is refused, unreadable or invalid. */
  public AppendResult fetch(String url, String agencyId) throws FetchException, InvalidRecordException {
    Agency agency = agencies.get(agencyId).orElseThrow(
        () -> new IllegalArgumentException("unknown agency '" + agencyId + "': register it in the agencies file first"));
    // The URL is checked in its normalized form, and that form is what is fetched, so what was checked is
    // what is requested; every redirect hop is checked the same way.
    Fetcher.Scope within = u -> {
      if (agency.pages() == null) throw new FetchException(u + ": " + agencyId + " has no release pages registered"
          + " (agencies file: pages.urls)");
      return agency.pages().admit(u).orElseThrow(() -> new FetchException(u + ": not under the release pages"
          + " registered for " + agencyId + " (agencies file: pages.urls " + agency.pages().urls() + ")"));
    };
    String target = within.admit(url);
    Fetched f = fetcher.get(target, null, null, within);
    RawRecord raw = PageExtractor.extract(f.body(), f.contentType(), target, agencyId, agency.pages());
    Release release;
    try {
      release = admission.admit(raw.bytes());
    } catch (InvalidRecordException e) {
      rejects.write(List.of(new Rejection(url, 0, e.getMessage(), e.id(), new String(raw.bytes(), StandardCharsets.UTF_8))));
      throw e;
    }
    AppendResult result = store.append(List.of(release)).getFirst();
    if (sync != null) sync.catchUp();
    return result;
  }
}
