package org.openstc.server.items;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A product's classification in one jurisdiction: the entry code (or {@code NOT_LISTED} / {@code
 * EAR99}), the list version it was made against, the rationale, who proposed it and who decided it
 * (four-eyes), and, when a newer list version changed the entry, the text diff to review.
 */
public record ProductClassification(
    long id,
    long productId,
    String jurisdiction,
    String itemCode,
    String listId,
    LocalDate listValidFrom,
    String rationale,
    ClassificationStatus status,
    long proposedById,
    String proposedBy,
    Instant proposedAt,
    String decidedBy,
    Instant decidedAt,
    String rejectionReason,
    String reviewList,
    String reviewDiff,
    Instant reviewFlaggedAt) {

  /** The list version label, e.g. {@code EU-ANNEX-I@2025-11-15}, or blank when not listed. */
  public String listLabel() {
    return listId == null ? "" : listId + "@" + listValidFrom;
  }
}
