package org.openstc.server.partners;

/** The part a business partner plays in the exporter's transactions. */
public enum PartnerRole {
  CUSTOMER,
  SUPPLIER,
  CONSIGNEE,
  INTERMEDIATE_CONSIGNEE,
  END_USER,
  FORWARDER,
  BROKER,
  BANK,
  CARRIER;

  public String label() {
    String s = name().replace('_', ' ').toLowerCase();
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
