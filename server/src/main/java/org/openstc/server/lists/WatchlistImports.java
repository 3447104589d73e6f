package org.openstc.server.lists;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import org.openstc.screening.watchlist.EntityType;
import org.openstc.screening.watchlist.ListFormat;
import org.openstc.screening.watchlist.ListSource;
import org.openstc.screening.watchlist.ListSources;
import org.openstc.screening.watchlist.ListedEntity;
import org.openstc.screening.watchlist.ReadSummary;
import org.openstc.screening.watchlist.WatchlistDelta;
import org.openstc.screening.watchlist.WatchlistDelta.FieldChange;
import org.openstc.screening.watchlist.WatchlistFormatException;
import org.openstc.screening.watchlist.WatchlistReaders;
import org.openstc.server.audit.Actor;
import org.openstc.server.audit.AuditEntry;
import org.openstc.server.audit.AuditTrail;
import org.openstc.server.lists.internal.EntityJson;
import org.openstc.server.lists.internal.ListStore;
import org.openstc.server.lists.internal.ListStore.DeltaRow;
import org.openstc.server.lists.internal.ListStore.EntityRow;
import org.openstc.server.problems.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports list files into new versions. A file is read completely, streaming, into a new version
 * inside one transaction that also stores the delta against the active version and switches the
 * active pointer; any failure rolls all of it back, records a failed attempt (audited) and leaves
 * the active version as it was.
 */
@Service
public class WatchlistImports {

  private static final Logger log = LoggerFactory.getLogger(WatchlistImports.class);

  private final ListStore store;
  private final EntityJson json;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;

  public WatchlistImports(
      ListStore store,
      EntityJson json,
      AuditTrail audit,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions) {
    this.store = store;
    this.json = json;
    this.audit = audit;
    this.events = events;
    this.tx = new TransactionTemplate(transactions);
  }

  /**
   * Imports a file, or a directory holding an OFAC CSV set, detecting its format from content.
   *
   * @param source the source to import into, or null to infer it from format and file name
   */
  public ImportOutcome importFile(Path path, String source, Actor actor, ImportProgress progress) {
    return importFile(path, path.toString(), source, actor, progress);
  }

  /**
   * Imports a file under a name shown in messages and the version (an upload's original file name,
   * a download URL) instead of its temporary path.
   */
  public ImportOutcome importFile(
      Path path, String shownName, String source, Actor actor, ImportProgress progress) {
    if (!Files.exists(path)) {
      throw new InvalidRequestException("No such file or directory: " + shownName);
    }
    String code = source == null ? null : source.strip().toLowerCase(Locale.ROOT);
    if (code != null && !code.matches("[a-z0-9][a-z0-9-]{0,59}")) {
      throw new InvalidRequestException(
          "source: use lower-case letters, digits and dashes (e.g. 'private' or 'us-ofac-sdn')");
    }
    ListFormat format;
    try {
      format = WatchlistReaders.detect(path);
    } catch (WatchlistFormatException e) {
      return failed(
          code,
          null,
          path,
          shownName,
          null,
          actor,
          e.line(),
          message(e, path, shownName),
          progress);
    }
    String sourceCode = code != null ? code : inferSource(format, path, shownName);
    String checksum = checksum(path);
    WatchlistSource registered = tx.execute(status -> registerIfNew(sourceCode, format, actor));
    if (registered.activeVersionId() != null) {
      WatchlistVersion active = store.version(registered.activeVersionId()).orElseThrow();
      if (checksum.equals(active.checksum())) {
        ImportOutcome outcome = new ImportOutcome.Unchanged(sourceCode, active.id());
        progress.finished(outcome);
        return outcome;
      }
    }
    AtomicReference<ImportOutcome> stored = new AtomicReference<>();
    try {
      ImportOutcome outcome =
          tx.execute(status -> {
            ImportOutcome o = store(path, shownName, sourceCode, format, checksum, actor, progress);
            stored.set(o);
            return o;
          });
      progress.finished(outcome);
      return outcome;
    } catch (RuntimeException e) {
      ImportOutcome committed = committed(stored.get());
      if (committed != null) {
        // Listeners of other modules run after the commit; their failure does not undo it.
        log.error("{} committed, but a listener failed after the commit", shownName, e);
        progress.finished(committed);
        return committed;
      }
      return failure(e, path, shownName, sourceCode, format, checksum, actor, progress);
    }
  }

  private ImportOutcome committed(ImportOutcome outcome) {
    if (outcome instanceof ImportOutcome.Imported imported) {
      Long active =
          store.source(imported.source()).map(WatchlistSource::activeVersionId).orElse(null);
      if (active != null && active == imported.version().id()) {
        return imported;
      }
    }
    return null;
  }

  private ImportOutcome failure(
      RuntimeException thrown,
      Path path,
      String shownName,
      String sourceCode,
      ListFormat format,
      String checksum,
      Actor actor,
      ImportProgress progress) {
    if (thrown instanceof WatchlistFormatException e) {
      return failed(
          sourceCode,
          format,
          path,
          shownName,
          checksum,
          actor,
          e.line(),
          message(e, path, shownName),
          progress);
    }
    // A reader letting a parser exception escape still deserves file and line in the message.
    XMLStreamException xml = cause(thrown, XMLStreamException.class);
    if (xml != null) {
      int line = xml.getLocation() == null ? 0 : Math.max(0, xml.getLocation().getLineNumber());
      String why =
          xml.getMessage() == null
              ? "malformed XML"
              : xml.getMessage().lines().findFirst().orElse("malformed XML");
      return failed(
          sourceCode,
          format,
          path,
          shownName,
          checksum,
          actor,
          line,
          shownName + (line > 0 ? ":" + line : "") + ": " + why,
          progress);
    }
    log.warn("Import of {} into {} failed", shownName, sourceCode, thrown);
    String why =
        thrown.getMessage() == null ? thrown.getClass().getSimpleName() : thrown.getMessage();
    return failed(
        sourceCode, format, path, shownName, checksum, actor, 0, shownName + ": " + why, progress);
  }

  /** Records a download that failed before anything could be read. */
  public ImportOutcome downloadFailed(String source, String url, String reason, Actor actor) {
    return failed(source, null, null, url, null, actor, 0, reason, ImportProgress.NONE);
  }

  private ImportOutcome store(
      Path path,
      String shownName,
      String source,
      ListFormat format,
      String checksum,
      Actor actor,
      ImportProgress progress) {
    long started = System.nanoTime();
    WatchlistSource locked = store.lockSource(source).orElseThrow();
    Long previous = locked.activeVersionId();
    if (previous != null
        && checksum.equals(store.version(previous).map(WatchlistVersion::checksum).orElse(null))) {
      // Another import of the same bytes won the race for the lock.
      return new ImportOutcome.Unchanged(source, previous);
    }
    long versionId =
        store.insertVersion(
            source,
            VersionStatus.IMPORTED,
            format,
            shownName,
            checksum,
            actor.name(),
            previous,
            null);
    ReadSummary summary;
    long storeNanos;
    try (EntityBatch batch = new EntityBatch(versionId, previous != null, shownName, progress)) {
      summary = WatchlistReaders.read(path, format, source, batch);
      batch.finish();
      storeNanos = batch.storeNanos;
      log.debug(
          "{}: waited {} ms for serialisation, inserted in {} ms",
          shownName,
          batch.waitNanos / 1_000_000,
          (batch.storeNanos - batch.waitNanos) / 1_000_000);
    }
    long read = System.nanoTime();
    DeltaSummary delta =
        previous == null
            ? new DeltaSummary(summary.entities(), 0, 0, 0, true)
            : storeDelta(versionId, previous);
    Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
    counts.putAll(summary.countsByType());
    LocalDate published = summary.publicationDate();
    store.completeVersion(versionId, published, counts, delta);
    store.updateActive(source, versionId);
    audit.record(
        actor,
        AuditEntry.of(
                "LIST_VERSION_IMPORTED",
                "ListVersion",
                versionId,
                "Imported "
                    + shownName
                    + " as version "
                    + versionId
                    + " of "
                    + source
                    + ": "
                    + summary.entities()
                    + " entities, "
                    + format
                    + ", sha-256 "
                    + checksum)
            .withStates(null, "entities=" + summary.entities() + ", " + counts));
    audit.record(
        actor,
        AuditEntry.of(
                "LIST_VERSION_ACTIVATED",
                "ListVersion",
                versionId,
                "Activated version "
                    + versionId
                    + " of "
                    + source
                    + " ("
                    + delta.text()
                    + (previous == null ? "" : " against version " + previous)
                    + ")")
            .withStates(previous == null ? null : "active=" + previous, "active=" + versionId));
    events.publishEvent(new WatchlistVersionActivated(source, versionId, previous, delta));
    long done = System.nanoTime();
    Duration parse = Duration.ofNanos(read - started - storeNanos);
    return new ImportOutcome.Imported(
        store.version(versionId).orElseThrow(), parse, Duration.ofNanos(done - started));
  }

  /** Compares the stored new version with the previous one in the database and stores the delta. */
  private DeltaSummary storeDelta(long versionId, long previous) {
    List<DeltaRow> rows = new ArrayList<>();
    List<String[]> added = store.onlyIn(versionId, previous);
    added.forEach(a -> rows.add(new DeltaRow(a[0], "ADDED", a[1], null, null)));
    List<String[]> removed = store.onlyIn(previous, versionId);
    removed.forEach(r -> rows.add(new DeltaRow(r[0], "REMOVED", r[1], null, null)));
    int[] changed = {0};
    int[] reordered = {0};
    store.eachChanged(
        versionId,
        previous,
        pair -> {
          List<FieldChange> fields =
              WatchlistDelta.fieldChanges(json.read(pair.before()), json.read(pair.after()));
          if (fields.isEmpty()) {
            // Equal in canonical form: not a change worth re-screening (as WatchlistDelta counts
            // it).
            reordered[0]++;
            return;
          }
          changed[0]++;
          rows.add(
              new DeltaRow(
                  pair.entityId(),
                  "CHANGED",
                  pair.primaryName(),
                  String.join(", ", fields.stream().map(FieldChange::field).toList()),
                  json.writeChanges(fields)));
        });
    store.insertDeltaRows(versionId, rows);
    int same = store.countSame(versionId, previous);
    return new DeltaSummary(added.size(), removed.size(), changed[0], same + reordered[0], false);
  }

  private ImportOutcome failed(
      String source,
      ListFormat format,
      Path path,
      String shownName,
      String checksum,
      Actor actor,
      long line,
      String reason,
      ImportProgress progress) {
    ImportOutcome outcome =
        tx.execute(status -> {
          Long kept = null;
          long attemptId = 0;
          if (source != null) {
            WatchlistSource s = registerIfNew(source, format, actor);
            kept = s.activeVersionId();
            attemptId =
                store.insertVersion(
                    source,
                    VersionStatus.FAILED,
                    format,
                    shownName,
                    checksum,
                    actor.name(),
                    kept,
                    reason);
          }
          audit.record(
              actor,
              AuditEntry.of(
                  "LIST_IMPORT_FAILED",
                  source == null ? "ListFile" : "ListVersion",
                  source == null ? shownName : attemptId,
                  "Import of "
                      + shownName
                      + (source == null ? "" : " into " + source)
                      + " failed: "
                      + reason
                      + (kept == null ? "" : "; version " + kept + " stays active")));
          return new ImportOutcome.Failed(
              source == null ? "?" : source, attemptId, shownName, line, reason, kept);
        });
    progress.finished(outcome);
    return outcome;
  }

  /** Registers an unknown source (an organisation's own list) on its first import. */
  private WatchlistSource registerIfNew(String code, ListFormat format, Actor actor) {
    return store
        .source(code)
        .orElseGet(() -> {
          ListSource official = ListSources.find(code).orElse(null);
          WatchlistSource fresh =
              official != null
                  ? SourceCatalogue.toSource(official)
                  : new WatchlistSource(
                      code,
                      code,
                      "own list",
                      format == null ? ListFormat.PRIVATE_CSV : format,
                      List.of(),
                      true,
                      false,
                      null,
                      null,
                      null);
          if (store.insertSourceIfAbsent(fresh)) {
            audit.record(
                actor,
                AuditEntry.of(
                    "LIST_SOURCE_REGISTERED",
                    "ListSource",
                    code,
                    "Registered list source " + code + " (" + fresh.name() + ")"));
          }
          return store.source(code).orElseThrow();
        });
  }

  /** The source a file's entities usually belong to, from its format and name. */
  static String inferSource(ListFormat format, Path path, String shownName) {
    if (Files.isDirectory(path)) {
      try (Stream<Path> files = Files.list(path)) {
        boolean cons =
            files.anyMatch(
                f -> f.getFileName().toString().toLowerCase(Locale.ROOT).equals("cons_prim.csv"));
        return cons ? ListSources.OFAC_NON_SDN : ListSources.OFAC_SDN;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    // Only the file name: a folder called "constance" must not make a file the non-SDN list.
    String file =
        shownName.substring(Math.max(shownName.lastIndexOf('/'), shownName.lastIndexOf('\\')) + 1);
    return WatchlistReaders.defaultSource(format, file);
  }

  /** SHA-256 of a file, or of a directory's files in name order (name and content of each). */
  static String checksum(Path path) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      List<Path> files;
      if (Files.isDirectory(path)) {
        try (Stream<Path> list = Files.list(path)) {
          files = list.filter(Files::isRegularFile).sorted().toList();
        }
      } else {
        files = List.of(path);
      }
      byte[] buffer = new byte[64 * 1024];
      for (Path file : files) {
        if (files.size() > 1) {
          digest.update(
              file.getFileName()
                  .toString()
                  .toLowerCase(Locale.ROOT)
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
          while (in.read(buffer) >= 0) {
            // the digest sees every byte
          }
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new InvalidRequestException("Cannot read " + path + ": " + e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String message(WatchlistFormatException e, Path path, String shownName) {
    String text = e.getMessage() == null ? "unreadable" : e.getMessage();
    return path.toString().equals(shownName) ? text : text.replace(path.toString(), shownName);
  }

  /**
   * Writes entities in JDBC batches while the reader goes on: a worker thread fingerprints and
   * serialises one batch while this thread parses the next and inserts the previous one (inserts
   * stay on this thread, inside the import transaction). Refuses duplicate ids, which would make
   * "the entity" of a version ambiguous.
   */
  private final class EntityBatch implements Consumer<ListedEntity>, AutoCloseable {
    private final long versionId;
    private final boolean mayShare;
    private final String file;
    private final ImportProgress progress;
    private final ExecutorService worker =
        Executors.newSingleThreadExecutor(r -> {
          Thread t = new Thread(r, "list-import-serialiser");
          t.setDaemon(true);
          return t;
        });
    private final Set<String> ids = new HashSet<>();
    private List<ListedEntity> pending = new ArrayList<>(ListStore.BATCH);
    private CompletableFuture<List<EntityRow>> inFlight;
    private int count;
    private long storeNanos;
    private long waitNanos;

    EntityBatch(long versionId, boolean mayShare, String file, ImportProgress progress) {
      this.versionId = versionId;
      this.mayShare = mayShare;
      this.file = file;
      this.progress = progress;
    }

    @Override
    public void accept(ListedEntity entity) {
      String id = entity.id().value();
      if (id.length() > 200) {
        throw new WatchlistFormatException(file, 0, "entity id longer than 200 characters: " + id);
      }
      if (!ids.add(id)) {
        throw new WatchlistFormatException(file, 0, "entity id " + id + " appears twice");
      }
      pending.add(entity);
      count++;
      if (pending.size() >= ListStore.BATCH) {
        handOver();
        progress.reading(file, count);
      }
    }

    /** Inserts everything still pending; call once the reader is done. */
    void finish() {
      if (!pending.isEmpty()) {
        handOver();
      }
      insertInFlight();
    }

    private void handOver() {
      List<ListedEntity> batch = pending;
      pending = new ArrayList<>(ListStore.BATCH);
      CompletableFuture<List<EntityRow>> next =
          CompletableFuture.supplyAsync(() -> rows(batch), worker);
      insertInFlight();
      inFlight = next;
    }

    private void insertInFlight() {
      if (inFlight == null) {
        return;
      }
      long t = System.nanoTime();
      List<EntityRow> rows;
      try {
        rows = inFlight.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
      inFlight = null;
      long t2 = System.nanoTime();
      store.insertEntities(versionId, rows, mayShare);
      waitNanos += t2 - t;
      storeNanos += System.nanoTime() - t;
    }

    private List<EntityRow> rows(List<ListedEntity> batch) {
      List<EntityRow> rows = new ArrayList<>(batch.size());
      for (ListedEntity e : batch) {
        String content = json.write(e);
        rows.add(
            new EntityRow(
                e.id().value(),
                e.type(),
                e.name().full(),
                e.fingerprint(),
                content,
                EntityJson.hash(content)));
      }
      return rows;
    }

    @Override
    public void close() {
      worker.shutdownNow();
    }
  }
}
