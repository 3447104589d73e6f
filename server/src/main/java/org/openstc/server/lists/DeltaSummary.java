package org.openstc.server.lists;

/**
 * How many entities a version added, removed and changed against the version before it.
 *
 * @param initial true when there was no earlier version (every entity counts as added)
 */
public record DeltaSummary(int added, int removed, int changed, int unchanged, boolean initial) {

  public boolean isEmpty() {
    return added == 0 && removed == 0 && changed == 0;
  }

  /** "+3 added, -2 removed, ~5 changed, 9000 unchanged", or "first version" for a first one. */
  public String text() {
    return initial
        ? "first version"
        : "+"
            + added
            + " added, -"
            + removed
            + " removed, ~"
            + changed
            + " changed, "
            + unchanged
            + " unchanged";
  }
}
