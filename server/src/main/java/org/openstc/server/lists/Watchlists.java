package org.openstc.server.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.openstc.screening.watchlist.ListedEntity;
import org.openstc.server.audit.Actor;
import org.openstc.server.audit.AuditEntry;
import org.openstc.server.audit.AuditTrail;
import org.openstc.server.lists.internal.EntityJson;
import org.openstc.server.lists.internal.ListStore;
import org.openstc.server.lists.internal.ListStore.DeltaRow;
import org.openstc.server.problems.ConflictException;
import org.openstc.server.problems.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The watchlist module's API: sources, stored versions, the active version of each enabled source
 * and its entities, deltas between versions, activation and enabling of sources. Screening reads
 * the active entities here and listens to {@link WatchlistVersionActivated} to re-screen.
 */
@Service
public class Watchlists {

  private final ListStore store;
  private final EntityJson json;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;

  public Watchlists(
      ListStore store, EntityJson json, AuditTrail audit, ApplicationEventPublisher events) {
    this.store = store;
    this.json = json;
    this.audit = audit;
    this.events = events;
  }

  @Transactional(readOnly = true)
  public List<WatchlistSource> sources() {
    return store.sources();
  }

  @Transactional(readOnly = true)
  public WatchlistSource source(String code) {
    return store.source(code).orElseThrow(() -> new NotFoundException("No list source " + code));
  }

  /** The active version of every enabled source. */
  @Transactional(readOnly = true)
  public List<WatchlistVersion> activeVersions() {
    List<String> enabled =
        store.sources().stream()
            .filter(WatchlistSource::enabled)
            .map(WatchlistSource::code)
            .toList();
    return store.activeVersions().stream().filter(v -> enabled.contains(v.source())).toList();
  }

  /**
   * Passes every entity of the active versions of enabled sources to the sink, streaming from the
   * database (for building a screening index without holding rows twice).
   */
  @Transactional(readOnly = true)
  public void forEachActiveEntity(Consumer<ListedEntity> sink) {
    store.eachActiveEntity(content -> sink.accept(json.read(content)));
  }

  /** Every entity of the active versions of enabled sources. */
  @Transactional(readOnly = true)
  public List<ListedEntity> activeEntities() {
    List<ListedEntity> all = new ArrayList<>();
    forEachActiveEntity(all::add);
    return all;
  }

  /** Versions newest first, of one source or (null) of all sources. */
  @Transactional(readOnly = true)
  public List<WatchlistVersion> versions(String source, int limit) {
    if (source != null) {
      source(source);
    }
    return store.versions(source, limit);
  }

  @Transactional(readOnly = true)
  public WatchlistVersion version(long id) {
    return store.version(id).orElseThrow(() -> new NotFoundException("No list version " + id));
  }

  /** The entities of one stored version, e.g. to explain a past screening. */
  @Transactional(readOnly = true)
  public List<ListedEntity> entities(long versionId) {
    version(versionId);
    List<ListedEntity> all = new ArrayList<>();
    store.eachEntity(versionId, content -> all.add(json.read(content)));
    return all;
  }

  /** One entity as a stored version holds it. */
  @Transactional(readOnly = true)
  public Optional<ListedEntity> entity(long versionId, String entityId) {
    return store.entity(versionId, entityId).map(json::read);
  }

  /** What a version changed against the version before it (as stored at import). */
  @Transactional(readOnly = true)
  public VersionDelta delta(long versionId) {
    WatchlistVersion version = version(versionId);
    if (version.status() == VersionStatus.FAILED) {
      throw new ConflictException(
          "Version " + versionId + " is a failed import attempt and has no delta");
    }
    List<VersionDelta.Entry> added = new ArrayList<>();
    List<VersionDelta.Entry> removed = new ArrayList<>();
    List<VersionDelta.Entry> changed = new ArrayList<>();
    for (DeltaRow row : store.deltaRows(versionId)) {
      VersionDelta.Entry entry =
          new VersionDelta.Entry(
              row.entityId(), row.primaryName(), json.readChanges(row.changes()));
      switch (row.kind()) {
        case "ADDED" -> added.add(entry);
        case "REMOVED" -> removed.add(entry);
        default -> changed.add(entry);
      }
    }
    return new VersionDelta(
        versionId,
        version.previousVersionId(),
        version.source(),
        version.delta(),
        added,
        removed,
        changed);
  }

  /** The delta of the latest imported version of a source. */
  @Transactional(readOnly = true)
  public VersionDelta latestDelta(String source) {
    return store.versions(source(source).code(), 1000).stream()
        .filter(v -> v.status() == VersionStatus.IMPORTED)
        .findFirst()
        .map(v -> delta(v.id()))
        .orElseThrow(() -> new NotFoundException("No version of " + source + " imported yet"));
  }

  /**
   * Makes a stored version the active one of its source, e.g. to go back to an earlier version;
   * atomic, audited, and announced with {@link WatchlistVersionActivated}.
   */
  @Transactional
  public WatchlistVersion activate(long versionId, Actor actor) {
    WatchlistVersion version = version(versionId);
    if (version.status() != VersionStatus.IMPORTED) {
      throw new ConflictException("Version " + versionId + " is a failed import attempt");
    }
    WatchlistSource source = store.lockSource(version.source()).orElseThrow();
    Long previous = source.activeVersionId();
    if (previous != null && previous == versionId) {
      return version;
    }
    DeltaSummary summary;
    if (previous == null) {
      summary = new DeltaSummary(version.entityCount(), 0, 0, 0, true);
    } else {
      int same = store.countSame(versionId, previous);
      int added = store.onlyIn(versionId, previous).size();
      int removed = store.onlyIn(previous, versionId).size();
      int changed = version.entityCount() - added - same;
      summary = new DeltaSummary(added, removed, changed, same, false);
    }
    store.updateActive(version.source(), versionId);
    audit.record(
        actor,
        AuditEntry.of(
                "LIST_VERSION_ACTIVATED",
                "ListVersion",
                versionId,
                "Activated version "
                    + versionId
                    + " of "
                    + version.source()
                    + " ("
                    + summary.text()
                    + " against version "
                    + previous
                    + ")")
            .withStates(previous == null ? null : "active=" + previous, "active=" + versionId));
    events.publishEvent(
        new WatchlistVersionActivated(version.source(), versionId, previous, summary));
    return version(versionId);
  }

  /** Enables or disables a source: disabled sources are neither downloaded nor screened. */
  @Transactional
  public WatchlistSource setEnabled(String code, boolean enabled, Actor actor) {
    WatchlistSource source = source(code);
    if (source.enabled() == enabled) {
      return source;
    }
    store.updateEnabled(code, enabled);
    audit.record(
        actor,
        AuditEntry.of(
                enabled ? "LIST_SOURCE_ENABLED" : "LIST_SOURCE_DISABLED",
                "ListSource",
                code,
                (enabled ? "Enabled" : "Disabled") + " list source " + code)
            .withStates("enabled=" + source.enabled(), "enabled=" + enabled));
    events.publishEvent(new WatchlistSourceSwitched(code, enabled));
    return source(code);
  }
}
