package org.bayan.ingest.feed;

import org.bayan.ingest.Admission;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * Polls the feeds registered for each agency (and no other URL): fetches conditionally, reads the items,
 * validates them as releases, stores the valid ones durably and, when this process holds the index, makes
 * them searchable at once (otherwise the running server picks them up from the store). Items and feeds that
 * fail are quarantined with their reason; one bad feed never stops the others.
 */
public final class FeedPoller {
  private final ReleaseStore store;
  private final AgencyRegistry agencies;
  private final IndexSync sync;
  private final RejectsReport rejects;
  private final Fetcher fetcher;
  private final FetchState state;
  private final Admission admission;

  /** What polling one feed did. {@code error} is set when the feed itself could not be fetched or read. */
  public record FeedResult(String agency, String url, boolean notModified, int added, int updated, int unchanged,
      int rejected, String error) {
    @Override
    public String toString() {
      if (error != null) return agency + " " + url + ": failed: " + error;
      if (notModified) return agency + " " + url + ": not modified";
      return String.format(Locale.ROOT, "%s %s: %d added, %d updated, %d unchanged, %d rejected",
          agency, url, added, updated, unchanged, rejected);
    }
  }

  public FeedPoller(ReleaseStore store, AgencyRegistry agencies, IndexSync sync, RejectsReport rejects,
      Fetcher fetcher, FetchState state, int maxBodyChars) {
    this.store = store;
    this.agencies = agencies;
    this.sync = sync;
    this.rejects = rejects;
    this.fetcher = fetcher;
    this.state = state;
    this.admission = new Admission(agencies::get, maxBodyChars);
  }

  /** Polls every registered feed of every agency (or of {@code onlyAgency} when not null). */
  public List<FeedResult> pollAll(String onlyAgency) {
    agencies.reloadIfChanged();
    List<FeedResult> out = new ArrayList<>();
    for (Agency a : agencies.all()) {
      if (onlyAgency != null && !onlyAgency.equals(a.id())) continue;
      for (String url : a.feeds()) out.add(poll(a, url));
    }
    return out;
  }

  FeedResult poll(Agency agency, String url) {
    Fetched f;
    try {
      f = fetcher.get(url, state.etag(url), state.lastModified(url));
    } catch (FetchException e) {
      rejects.write(List.of(new Rejection(url, 0, "feed not fetched: " + e.getMessage(), null)));
      return new FeedResult(agency.id(), url, false, 0, 0, 0, 0, e.getMessage());
    }
    if (f.notModified()) return new FeedResult(agency.id(), url, true, 0, 0, 0, 0, null);
    List<RawRecord> items;
    try {
      items = FeedReader.read(f.body(), f.contentType(), agency.id(), url);
    } catch (FeedReader.UnreadableFeedException e) {
      rejects.write(List.of(new Rejection(url, 0, e.getMessage(), null)));
      return new FeedResult(agency.id(), url, false, 0, 0, 0, 0, e.getMessage());
    }
    List<Release> valid = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    for (RawRecord r : items) {
      try {
        valid.add(admission.admit(r.bytes()));
      } catch (InvalidRecordException e) {
        rejected.add(new Rejection(r.source(), r.line(), "item " + r.line() + ": " + e.getMessage(), e.id(),
            new String(r.bytes(), StandardCharsets.UTF_8)));
      }
    }
    // Before storing: a store that fails must not take the rejected items with it.
    rejects.write(rejected);
    int[] counts = new int[3];
    if (!valid.isEmpty()) {
      for (AppendResult a : store.append(valid)) counts[a.outcome().ordinal()]++;
      if (sync != null) sync.catchUp();
    }
    // Validators are saved only once the items are stored: a crash before this refetches, never skips.
    state.update(url, f.etag(), f.lastModified());
    return new FeedResult(agency.id(), url, false, counts[0], counts[1], counts[2], rejected.size(), null);
  }
}
