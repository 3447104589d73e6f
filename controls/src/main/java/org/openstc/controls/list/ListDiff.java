package org.openstc.controls.list;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The differences between two control list versions, or between two lists (e.g. a national list
 * against the Wassenaar-derived part of the EU list), entry by entry: added, removed, changed.
 */
public record ListDiff(String from, String to, List<EntryChange> changes) {

  /** A change to one entry between the two versions. */
  public sealed interface EntryChange permits Added, Removed, Changed {
    ControlEntryCode code();
  }

  /** An entry present only in the newer (right-hand) version. */
  public record Added(ControlEntryCode code, String text) implements EntryChange {}

  /** An entry present only in the older (left-hand) version. */
  public record Removed(ControlEntryCode code, String text) implements EntryChange {}

  /** An entry in both versions whose text differs. */
  public record Changed(ControlEntryCode code, TextDiff diff) implements EntryChange {}

  public ListDiff {
    changes = List.copyOf(changes);
  }

  /** Compares {@code before} with {@code after} by entry code, in code order. */
  public static ListDiff between(ControlListVersion before, ControlListVersion after) {
    Map<ControlEntryCode, ControlEntry> a = before.entries();
    Map<ControlEntryCode, ControlEntry> b = after.entries();
    TreeSet<ControlEntryCode> codes = new TreeSet<>(a.keySet());
    codes.addAll(b.keySet());
    List<EntryChange> out = new ArrayList<>();
    for (ControlEntryCode code : codes) {
      ControlEntry x = a.get(code);
      ControlEntry y = b.get(code);
      if (x == null) {
        out.add(new Added(code, y.fullText()));
      } else if (y == null) {
        out.add(new Removed(code, x.fullText()));
      } else if (!comparable(x.fullText()).equals(comparable(y.fullText()))) {
        out.add(new Changed(code, TextDiff.between(x.fullText(), y.fullText())));
      }
    }
    return new ListDiff(label(before), label(after), out);
  }

  /**
   * The text as compared: typography that differs between sources of the same law (curly and
   * straight quotes, a space inside brackets, superscript markers, runs of white space) does not
   * count as a change, so that products are not flagged for review over formatting.
   */
  static String comparable(String s) {
    return s.replace('\u201c', '"')
        .replace('\u201d', '"')
        .replace('\u2018', '\'')
        .replace('\u2019', '\'')
        .replace("^", "")
        .replaceAll("\\s+", " ")
        .replaceAll("([(\\[]) ", "$1")
        .replaceAll(" ([)\\],.;:])", "$1")
        .strip();
  }

  private static String label(ControlListVersion v) {
    return v.listId() + "@" + v.source().validFrom();
  }

  public List<Added> added() {
    return changes.stream().filter(Added.class::isInstance).map(Added.class::cast).toList();
  }

  public List<Removed> removed() {
    return changes.stream().filter(Removed.class::isInstance).map(Removed.class::cast).toList();
  }

  public List<Changed> changed() {
    return changes.stream().filter(Changed.class::isInstance).map(Changed.class::cast).toList();
  }

  /** Whether the entry a product is classified under (or an enclosing one) changed or vanished. */
  public List<EntryChange> affecting(ControlEntryCode classification) {
    List<EntryChange> out = new ArrayList<>();
    for (EntryChange c : changes) {
      if (!(c instanceof Added)
          && (c.code().covers(classification) || classification.covers(c.code()))) {
        out.add(c);
      }
    }
    return out;
  }
}
