package org.openstc.controls.list;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A control list with all its dated versions, answering "which version applied on this date". */
public final class ControlList {

  private final String id;
  private final ConcurrentSkipListMap<LocalDate, ControlListVersion> versions =
      new ConcurrentSkipListMap<>();

  public ControlList(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** Adds a version; a second version for the same date replaces the first (a re-import). */
  public void add(ControlListVersion version) {
    if (!version.listId().equals(id)) {
      throw new IllegalArgumentException("version of " + version.listId() + " added to list " + id);
    }
    versions.put(version.source().validFrom(), version);
  }

  /** The version in force on the date: the latest one applying from that date or earlier. */
  public Optional<ControlListVersion> asOf(LocalDate date) {
    Map.Entry<LocalDate, ControlListVersion> e = versions.floorEntry(date);
    return e == null ? Optional.empty() : Optional.of(e.getValue());
  }

  public Optional<ControlListVersion> latest() {
    return Optional.ofNullable(versions.lastEntry()).map(Map.Entry::getValue);
  }

  public List<ControlListVersion> versions() {
    return new ArrayList<>(versions.values());
  }
}
