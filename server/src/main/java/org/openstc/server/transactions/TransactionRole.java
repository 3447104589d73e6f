package org.openstc.server.transactions;

/** The part a business partner plays in one transaction. */
public enum TransactionRole {
  BUYER,
  CONSIGNEE,
  INTERMEDIATE_CONSIGNEE,
  END_USER,
  FORWARDER,
  BROKER,
  BANK,
  CARRIER;

  public String label() {
    String s = name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
