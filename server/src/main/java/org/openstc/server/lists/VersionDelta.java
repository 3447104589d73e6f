package org.openstc.server.lists;

import java.util.List;
import org.openstc.screening.watchlist.WatchlistDelta.FieldChange;

/**
 * What one version changed against the version before it, as stored at import: the entities added,
 * removed and changed (with the fields that changed). Re-screening reads this.
 *
 * @param versionId the newer version
 * @param previousVersionId the older version, or null when this is the first version
 * @param source source code
 * @param summary the counts
 * @param added entities only in the newer version (empty for a first version: all are new)
 * @param removed entities only in the older version
 * @param changed entities in both whose content differs
 */
public record VersionDelta(
    long versionId,
    Long previousVersionId,
    String source,
    DeltaSummary summary,
    List<Entry> added,
    List<Entry> removed,
    List<Entry> changed) {

  public VersionDelta {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
  }

  /** One entity in the delta, with its primary name and, when changed, what changed. */
  public record Entry(String entityId, String name, List<FieldChange> changes) {
    public Entry {
      changes = List.copyOf(changes);
    }

    /** The names of the changed fields. */
    public List<String> fields() {
      return changes.stream().map(FieldChange::field).toList();
    }
  }
}
