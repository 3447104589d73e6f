package org.openstc.server.icp;

/**
 * The seven elements of an effective Internal Compliance Programme (Wiesbaden conference 2015,
 * Annex 1; Commission Recommendation (EU) 2019/1318), against which the programme is assessed.
 */
public enum IcpElement {
  LEADERSHIP_COMMITMENT("Top-level management commitment to compliance"),
  SCOPE_OF_REQUIREMENTS("Scope of requirements: goods, technology, software, services, finance"),
  ORGANISATION("Organisation, responsibilities and resources; a chief export control officer"),
  TRANSACTION_DUE_DILIGENCE(
      "Transaction screening: classification, screening, red flags, licensing"),
  DOCUMENTATION("Recordkeeping and archiving with retention periods"),
  TRAINING("Training and awareness"),
  MONITORING_AUDIT("Monitoring, audits, corrective action, escalation and whistle-blowing");

  private final String title;

  IcpElement(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
