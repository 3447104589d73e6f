package org.openstc.server.transactions;

/** Where a stored transaction stands: the verdict of its last check, or shipped. */
public enum TransactionStatus {
  RELEASED,
  HELD,
  BLOCKED,
  SHIPPED;

  static TransactionStatus of(Verdict v) {
    return valueOf(v.name());
  }
}
