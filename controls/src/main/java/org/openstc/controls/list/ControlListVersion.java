package org.openstc.controls.list;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One dated version of a control list: its entries as a tree keyed by code, with the legal source
 * and date it applies from.
 */
public final class ControlListVersion {

  private final String listId;
  private final String title;
  private final ListJurisdiction jurisdiction;
  private final ListSource source;
  private final Map<ControlEntryCode, ControlEntry> entries;
  private volatile EntrySearch search;

  public ControlListVersion(
      String listId,
      String title,
      ListJurisdiction jurisdiction,
      ListSource source,
      Collection<ControlEntry> entries) {
    if (listId == null || !listId.matches("[A-Z0-9][A-Z0-9_\\-]{0,63}")) {
      throw new IllegalArgumentException("list id must be upper-case letters/digits: " + listId);
    }
    this.listId = listId;
    this.title = title == null ? listId : title;
    this.jurisdiction = jurisdiction;
    this.source = source;
    Map<ControlEntryCode, ControlEntry> map = new LinkedHashMap<>();
    for (ControlEntry e : entries) {
      if (map.putIfAbsent(e.code(), e) != null) {
        throw new IllegalArgumentException(
            "duplicate entry " + e.code() + " in " + listId + " " + source.validFrom());
      }
    }
    this.entries = Collections.unmodifiableMap(map);
  }

  public String listId() {
    return listId;
  }

  public String title() {
    return title;
  }

  public ListJurisdiction jurisdiction() {
    return jurisdiction;
  }

  public ListSource source() {
    return source;
  }

  public Map<ControlEntryCode, ControlEntry> entries() {
    return entries;
  }

  public Optional<ControlEntry> entry(ControlEntryCode code) {
    return Optional.ofNullable(entries.get(code));
  }

  /** Whether the code, or the heading or paragraph that encloses it, is on this list. */
  public boolean lists(ControlEntryCode code) {
    return nearest(code) != null;
  }

  /**
   * The entry for the code or its nearest enclosing paragraph, or null when nothing encloses it.
   */
  public ControlEntry nearest(ControlEntryCode code) {
    for (ControlEntryCode c = code; c != null; c = c.parent()) {
      ControlEntry e = entries.get(c);
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  /** The headings only (entries without a parent). */
  public List<ControlEntry> headings() {
    List<ControlEntry> out = new ArrayList<>();
    for (ControlEntry e : entries.values()) {
      if (e.code().isHeading()) {
        out.add(e);
      }
    }
    return out;
  }

  /** The direct children of an entry, in list order. */
  public List<ControlEntry> children(ControlEntryCode code) {
    List<ControlEntry> out = new ArrayList<>();
    for (ControlEntry e : entries.values()) {
      if (code.equals(e.parent())) {
        out.add(e);
      }
    }
    return out;
  }

  /** A view holding only matching entries, e.g. the Wassenaar-derived part of the EU list. */
  public ControlListVersion filter(String newListId, Predicate<ControlEntry> keep) {
    List<ControlEntry> kept = new ArrayList<>();
    for (ControlEntry e : entries.values()) {
      if (keep.test(e)) {
        kept.add(e);
      }
    }
    return new ControlListVersion(newListId, title, jurisdiction, source, kept);
  }

  /** Full-text search over this version, built on first use. */
  public EntrySearch search() {
    EntrySearch s = search;
    if (s == null) {
      synchronized (this) {
        if (search == null) {
          search = new EntrySearch(entries.values());
        }
        s = search;
      }
    }
    return s;
  }

  @Override
  public String toString() {
    return listId + "@" + source.validFrom() + " (" + entries.size() + " entries)";
  }
}
