package org.openstc.screening.watchlist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed between two versions of one list: entities added, removed and changed, and for each
 * changed entity which fields changed and how. Drives re-screening after a list update.
 *
 * @param source the source both versions belong to
 * @param fromDate publication date of the older version, or null
 * @param toDate publication date of the newer version, or null
 * @param added ids only in the newer version, sorted
 * @param removed ids only in the older version, sorted
 * @param changed entities in both whose content differs, sorted by id
 * @param unchanged how many entities are in both and equal
 */
public record WatchlistDelta(
    String source,
    LocalDate fromDate,
    LocalDate toDate,
    List<EntityId> added,
    List<EntityId> removed,
    List<EntityChange> changed,
    int unchanged) {

  public WatchlistDelta {
    Objects.requireNonNull(source, "source");
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
  }

  /** One entity present in both versions with different content. */
  public record EntityChange(EntityId id, List<FieldChange> fields) {
    public EntityChange {
      Objects.requireNonNull(id, "id");
      fields = List.copyOf(fields);
    }

    /** The names of the changed fields, e.g. ["aliases", "remarks"]. */
    public List<String> fieldNames() {
      return fields.stream().map(FieldChange::field).toList();
    }
  }

  /**
   * A changed field: the values (canonical text, one per list element) no longer there and the
   * values new in the newer version.
   */
  public record FieldChange(String field, List<String> removed, List<String> added) {
    public FieldChange {
      Objects.requireNonNull(field, "field");
      removed = List.copyOf(removed);
      added = List.copyOf(added);
    }
  }

  /**
   * Compares two snapshots of the same source.
   *
   * @throws IllegalArgumentException when the snapshots come from different sources
   */
  public static WatchlistDelta between(WatchlistSnapshot older, WatchlistSnapshot newer) {
    if (!older.source().equals(newer.source())) {
      throw new IllegalArgumentException(
          "cannot compare " + older.source() + " with " + newer.source());
    }
    Map<EntityId, ListedEntity> before = older.byId();
    Map<EntityId, ListedEntity> after = newer.byId();
    Set<EntityId> added = new TreeSet<>();
    Set<EntityId> removed = new TreeSet<>();
    List<EntityChange> changed = new ArrayList<>();
    int unchanged = 0;
    for (Map.Entry<EntityId, ListedEntity> entry : after.entrySet()) {
      ListedEntity old = before.get(entry.getKey());
      if (old == null) {
        added.add(entry.getKey());
      } else if (old.equals(entry.getValue())) {
        unchanged++;
      } else {
        List<FieldChange> fields = fieldChanges(old, entry.getValue());
        if (fields.isEmpty()) {
          // Equal in canonical form (only order differs): not a change worth re-screening.
          unchanged++;
        } else {
          changed.add(new EntityChange(entry.getKey(), fields));
        }
      }
    }
    for (EntityId id : before.keySet()) {
      if (!after.containsKey(id)) {
        removed.add(id);
      }
    }
    changed.sort((a, b) -> a.id().compareTo(b.id()));
    return new WatchlistDelta(
        newer.source(),
        older.publicationDate(),
        newer.publicationDate(),
        new ArrayList<>(added),
        new ArrayList<>(removed),
        changed,
        unchanged);
  }

  /** The field-level differences between two versions of one entity (empty when equal). */
  public static List<FieldChange> fieldChanges(ListedEntity older, ListedEntity newer) {
    Map<String, String> a = older.canonicalFields();
    Map<String, String> b = newer.canonicalFields();
    Set<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    List<FieldChange> changes = new ArrayList<>();
    for (String key : keys) {
      String va = a.get(key);
      String vb = b.get(key);
      if (Objects.equals(va, vb)) {
        continue;
      }
      Set<String> la = lines(va);
      Set<String> lb = lines(vb);
      List<String> gone = la.stream().filter(v -> !lb.contains(v)).toList();
      List<String> fresh = lb.stream().filter(v -> !la.contains(v)).toList();
      changes.add(new FieldChange(key, gone, fresh));
    }
    return changes;
  }

  private static Set<String> lines(String value) {
    return value == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(value.split("\n")));
  }

  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  /**
   * One line for logs and the CLI: "us-ofac-sdn: +3 added, -2 removed, ~5 changed, 9000 unchanged".
   */
  public String summary() {
    return source
        + ": +"
        + added.size()
        + " added, -"
        + removed.size()
        + " removed, ~"
        + changed.size()
        + " changed, "
        + unchanged
        + " unchanged";
  }
}
