package org.openstc.server.identity;

/** What an organisation is in OpenSTC; it decides which roles its users may hold. */
public enum OrganisationKind {
  PLATFORM("Platform operator"),
  EXPORTER("Exporter"),
  LICENSING_AUTHORITY("Licensing authority"),
  MONITORING_BODY("Monitoring body");

  private final String label;

  OrganisationKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
