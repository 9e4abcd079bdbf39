package org.bayan.ingest.push;

import org.bayan.ingest.Admission;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bayan.ingest.IndexSync;
import org.bayan.ingest.InvalidRecordException;
import org.bayan.ingest.RawRecord;
import org.bayan.ingest.Rejection;
import org.bayan.ingest.RejectsReport;
import org.bayan.ingest.ReleaseParser;
import org.bayan.statement.Release;
import org.bayan.store.AgencyRegistry;
import org.bayan.store.AppendResult;
import org.bayan.store.ReleaseStore;

/**
 * Accepts pushed releases. Each record is validated like a line of a release file; the valid ones are
 * appended to the store, which forces them to disk before returning, and then indexed and made searchable,
 * so that an answer saying "accepted" means both durable and findable. Rejected records go to the
 * quarantine with their raw text. When the server cannot complete a batch (a full disk), it answers
 * {@link PushFailedException}, saying whether the batch was stored.
 */
public final class PushService {
  private final ReleaseStore store;
  private final IndexSync sync;
  private final RejectsReport rejects;
  private final Admission admission;

  public PushService(ReleaseStore store, AgencyRegistry agencies, IndexSync sync, RejectsReport rejects, int maxBodyChars) {
    this.store = store;
    this.sync = sync;
    this.rejects = rejects;
    this.admission = new Admission(agencies::get, maxBodyChars);
  }

  public PushResult push(PushBatch.Batch batch, ApiKey key) {
    List<RawRecord> records = batch.records();
    RecordResult[] results = new RecordResult[records.size()];
    List<Release> valid = new ArrayList<>();
    List<Integer> validAt = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>(batch.rejections());
    for (int i = 0; i < records.size(); i++) {
      RawRecord r = records.get(i);
      try {
        Release release = admission.admit(r.bytes());
        if (!key.mayPushFor(release.agency())) {
          throw new InvalidRecordException(
              "key '" + key.name() + "' may not push releases of agency '" + release.agency() + "'", release.id());
        }
        valid.add(release);
        validAt.add(i);
      } catch (InvalidRecordException e) {
        results[i] = new RecordResult(r.line(), e.id(), RecordResult.REJECTED, null, e.getMessage());
        rejections.add(new Rejection(r.source(), r.line(), e.getMessage(), e.id(),
            new String(r.bytes(), StandardCharsets.UTF_8)));
      }
    }
    // Before storing: a store that fails must not take the rejections of this batch with it.
    rejects.write(rejections);
    int accepted = 0;
    int unchanged = 0;
    if (!valid.isEmpty()) {
      List<AppendResult> stored;
      try {
        stored = store.append(valid);
      } catch (java.io.UncheckedIOException e) {
        throw new PushFailedException(false, e);
      }
      for (int j = 0; j < stored.size(); j++) {
        AppendResult a = stored.get(j);
        int i = validAt.get(j);
        boolean same = a.outcome() == AppendResult.Outcome.UNCHANGED;
        if (same) unchanged++;
        else accepted++;
        results[i] = new RecordResult(records.get(i).line(), a.version().id(),
            same ? RecordResult.UNCHANGED : RecordResult.ACCEPTED, a.version().version(), null);
      }
      try {
        sync.catchUp();
      } catch (RuntimeException e) {
        throw new PushFailedException(true, e);
      }
    }
    List<RecordResult> all = new ArrayList<>(List.of(results));
    for (Rejection r : batch.rejections()) {
      all.add(new RecordResult(r.line(), r.id(), RecordResult.REJECTED, null, r.reason()));
    }
    all.sort(java.util.Comparator.comparingLong(RecordResult::index));
    return new PushResult(accepted, unchanged, rejections.size(), all);
  }
}
