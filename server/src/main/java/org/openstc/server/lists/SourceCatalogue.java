package org.openstc.server.lists;

import java.util.ArrayList;
import java.util.List;
import org.openstc.screening.watchlist.ListSource;
import org.openstc.screening.watchlist.ListSources;
import org.openstc.server.audit.Actor;
import org.openstc.server.audit.AuditEntry;
import org.openstc.server.audit.AuditTrail;
import org.openstc.server.lists.internal.ListStore;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers the engine's catalogue of official sources at start-up: sources new to this
 * installation are added with their default enablement; existing ones keep their settings.
 */
@Component
class SourceCatalogue implements ApplicationRunner {

  private final ListStore store;
  private final AuditTrail audit;

  SourceCatalogue(ListStore store, AuditTrail audit) {
    this.store = store;
    this.audit = audit;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    List<String> added = new ArrayList<>();
    for (ListSource official : ListSources.official()) {
      if (store.insertSourceIfAbsent(toSource(official))) {
        added.add(official.code());
      }
    }
    if (!added.isEmpty()) {
      audit.record(
          Actor.SYSTEM,
          AuditEntry.of(
              "LIST_SOURCE_REGISTERED",
              "ListSource",
              String.join(",", added),
              "Registered official list sources from the catalogue: " + String.join(", ", added)));
    }
  }

  static WatchlistSource toSource(ListSource official) {
    return new WatchlistSource(
        official.code(),
        official.name(),
        official.publisher(),
        official.format(),
        official.downloadUrls(),
        official.enabledByDefault(),
        true,
        null,
        null,
        null);
  }
}
