package org.openstc.server.audit;

import java.util.List;

/**
 * The result of re-computing the audit hash chain: intact, or the records that were edited, deleted
 * or inserted out of order.
 */
public record AuditVerification(long recordsChecked, List<Break> breaks) {

  public AuditVerification {
    breaks = List.copyOf(breaks);
  }

  public boolean intact() {
    return breaks.isEmpty();
  }

  /** One place where the chain does not hold, named by sequence number. */
  public record Break(long seq, String problem) {}
}
