package org.openstc.server.screening;

/** Where a screening alert stands. */
public enum AlertStatus {
  /** A new or reopened hit waiting for a decision. */
  OPEN,
  /** Passed to a senior officer or legal for a decision. */
  ESCALATED,
  /** Decided not to be the listed party; remembered until the partner or the entry changes. */
  FALSE_POSITIVE,
  /** Confirmed: the partner is the listed party and is blocked. */
  TRUE_MATCH,
  /** An officer asked to clear a true match; a second officer must approve. */
  CLEARANCE_REQUESTED,
  /** Closed without a decision because the entry left the list. */
  CLOSED_DELISTED,
  /** Closed without a decision because the partner's corrected data no longer matches. */
  CLOSED_NO_LONGER_MATCHING;

  /** Whether the alert still needs someone's attention. */
  public boolean pending() {
    return this == OPEN || this == ESCALATED || this == CLEARANCE_REQUESTED;
  }

  /** Whether the alert blocks its partner. */
  public boolean blocks() {
    return this == TRUE_MATCH || this == CLEARANCE_REQUESTED;
  }
}
