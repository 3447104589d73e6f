package org.openstc.controls.list;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** All loaded control lists by id (EU-ANNEX-I, EU-CML, US-CCL, national lists), with versions. */
public final class ControlLists {

  private final Map<String, ControlList> lists = new ConcurrentHashMap<>();

  /** Adds a version to its list, creating the list on first use. */
  public ControlListVersion add(ControlListVersion version) {
    lists.computeIfAbsent(version.listId(), ControlList::new).add(version);
    return version;
  }

  public Optional<ControlList> list(String id) {
    return Optional.ofNullable(lists.get(id));
  }

  public Collection<ControlList> all() {
    return lists.values();
  }

  /** The version of the list in force on the date. */
  public Optional<ControlListVersion> asOf(String id, LocalDate date) {
    ControlList l = lists.get(id);
    return l == null ? Optional.empty() : l.asOf(date);
  }

  /** Full-text search in the version of a list in force on the date. */
  public List<EntrySearch.Hit> search(String id, LocalDate date, String query, int limit) {
    return asOf(id, date).map(v -> v.search().find(query, limit)).orElse(List.of());
  }
}
