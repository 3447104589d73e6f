package org.openstc.server.items;

/** Where a product classification stands in the four-eyes review. */
public enum ClassificationStatus {
  /** Proposed by one export control officer, waiting for a second. */
  PROPOSED,
  /** Approved by a second export control officer: the classification in force. */
  APPROVED,
  /** Refused by the reviewer, with a reason. */
  REJECTED,
  /** Was approved, but a newer list version changed or removed its entry: classify again. */
  NEEDS_REVIEW,
  /** Replaced by a later approved classification in the same jurisdiction. */
  SUPERSEDED
}
