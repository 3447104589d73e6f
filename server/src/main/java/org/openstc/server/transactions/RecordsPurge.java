package org.openstc.server.transactions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.openstc.server.audit.Actor;
import org.openstc.server.audit.AuditEntry;
import org.openstc.server.audit.AuditTrail;
import org.openstc.server.storage.StorageProperties;
import org.openstc.server.transactions.internal.TransactionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes transaction records whose retention period has ended (shipped transactions only, never
 * under legal hold) with their lines, parties, checks, overrides and documents, and reports what it
 * purged and what a legal hold kept. Runs nightly and on demand; every run is recorded and audited.
 * The audit trail itself is append-only and keeps its records of the purged transactions.
 */
@Service
public class RecordsPurge {

  private static final Logger log = LoggerFactory.getLogger(RecordsPurge.class);

  /** What one run purged and what legal holds kept. */
  public record PurgeReport(LocalDate asOf, List<String> purged, List<String> keptByLegalHold) {}

  private final TransactionStore store;
  private final AuditTrail audit;
  private final StorageProperties storage;

  public RecordsPurge(TransactionStore store, AuditTrail audit, StorageProperties storage) {
    this.store = store;
    this.audit = audit;
    this.storage = storage;
  }

  /** Purges what expired before the day. */
  @Transactional
  public PurgeReport purge(LocalDate day, Actor actor) {
    List<String> purged = new ArrayList<>();
    for (TransactionStore.Summary s : store.expired(day)) {
      store.delete(s.id());
      deleteFolder(
          storage
              .dataDir()
              .resolve("documents")
              .resolve("transactions")
              .resolve(Long.toString(s.id())));
      purged.add(s.reference() + " (id " + s.id() + ", kept until " + s.retainUntil() + ")");
    }
    List<String> kept =
        store.keptByLegalHold(day).stream()
            .map(s ->
                s.reference() + " (id " + s.id() + ", retention ended " + s.retainUntil() + ")")
            .toList();
    String report =
        "Purged "
            + purged.size()
            + " transaction(s) whose retention ended before "
            + day
            + (purged.isEmpty() ? "" : ": " + String.join("; ", purged))
            + (kept.isEmpty() ? "" : ". Kept by legal hold: " + String.join("; ", kept));
    store.insertPurgeRun(actor.name(), purged.size(), report);
    audit.record(actor, AuditEntry.of("RECORDS_PURGED", "Records", day.toString(), report));
    log.info(report);
    return new PurgeReport(day, purged, kept);
  }

  @Transactional(readOnly = true)
  public List<TransactionStore.PurgeRun> runs(int limit) {
    return store.purgeRuns(limit);
  }

  @Scheduled(cron = "${stc.records.purge-cron:0 30 3 * * *}")
  void nightly() {
    purge(LocalDate.now(), Actor.SYSTEM);
  }

  private static void deleteFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      log.warn("Could not delete documents in {}: {}", folder, e.getMessage());
    }
  }
}
