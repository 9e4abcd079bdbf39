package org.bayan.search;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bayan.statement.Agency;
import org.bayan.statement.StatementVersion;
import org.bayan.store.ReleaseStore;

/** Reads whole statements and their versions from the release store, the source of truth. */
public final class StatementReader {
  private final ReleaseStore store;
  private final Function<String, Optional<Agency>> agencies;

  public StatementReader(ReleaseStore store, Function<String, Optional<Agency>> agencies) {
    this.store = store;
    this.agencies = agencies;
  }

  public Optional<StatementView> latest(String id) {
    List<StatementVersion> all = store.versions(id);
    if (all.isEmpty()) return Optional.empty();
    return Optional.of(view(all.getLast(), all.size()));
  }

  public Optional<StatementView> version(String id, int version) {
    List<StatementVersion> all = store.versions(id);
    if (version < 1 || version > all.size()) return Optional.empty();
    return Optional.of(view(all.get(version - 1), all.size()));
  }

  public List<StatementVersion> versions(String id) {
    return store.versions(id);
  }

  private StatementView view(StatementVersion v, int versions) {
    String agencyId = v.release().agency();
    return new StatementView(v, AgencyRef.of(agencyId, agencies.apply(agencyId).orElse(null)), versions);
  }
}
