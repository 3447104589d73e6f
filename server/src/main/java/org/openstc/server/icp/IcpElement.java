package org.openstc.server.icp;

/**
 * The seven elements of an effective Internal Compliance Programme (Wiesbaden conference 2015,
 * Annex 1; Commission Recommendation (EU) 2019/1318), against which the programme is assessed.
 */
public enum IcpElement {
  LEADERSHIP_COMMITMENT("Commitment", "Top-level management commitment to compliance"),
  SCOPE_OF_REQUIREMENTS(
      "Scope", "Scope of requirements: goods, technology, software, services, finance"),
  ORGANISATION(
      "Organisation",
      "Organisation, responsibilities and resources; a chief export control officer"),
  TRANSACTION_DUE_DILIGENCE(
      "Due diligence", "Transaction screening: classification, screening, red flags, licensing"),
  DOCUMENTATION("Records", "Recordkeeping and archiving with retention periods"),
  TRAINING("Training", "Training and awareness"),
  MONITORING_AUDIT(
      "Audit and escalation",
      "Monitoring, audits, corrective action, escalation and whistle-blowing");

  private final String shortName;
  private final String title;

  IcpElement(String shortName, String title) {
    this.shortName = shortName;
    this.title = title;
  }

  /** A label short enough for a chart. */
  public String shortName() {
    return shortName;
  }

  public String title() {
    return title;
  }
}
