package org.openstc.server.transactions;

import java.time.Instant;

/**
 * An officer's documented override of a HELD (or release of a BLOCKED) transaction, and the second
 * officer's decision on it. It applies only while the transaction's content is unchanged.
 */
public record TransactionOverride(
    long id,
    long transactionId,
    Verdict overrides,
    String contentHash,
    String reason,
    long requestedById,
    String requestedBy,
    Instant requestedAt,
    Status status,
    String decidedBy,
    Instant decidedAt,
    String decisionReason) {

  /** Where an override stands. */
  public enum Status {
    REQUESTED,
    APPROVED,
    REFUSED
  }
}
