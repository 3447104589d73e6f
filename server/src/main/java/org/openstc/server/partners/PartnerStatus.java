package org.openstc.server.partners;

/** Where a partner stands after screening. */
public enum PartnerStatus {
  /** Not screened yet (no list loaded, or screening is pending). */
  UNSCREENED,
  /** No open alert. */
  CLEAR,
  /** At least one open or escalated alert awaits a decision. */
  POTENTIAL_MATCH,
  /** A true match was confirmed: every transaction involving the partner is blocked. */
  BLOCKED
}
