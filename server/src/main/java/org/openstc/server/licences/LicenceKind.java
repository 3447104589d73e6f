package org.openstc.server.licences;

/** What kind of authorisation a register entry is. */
public enum LicenceKind {
  /** One exporter, one end user (Art. 2(13) Regulation (EU) 2021/821). */
  INDIVIDUAL,
  /** One exporter, several end users or countries (Art. 2(14)). */
  GLOBAL,
  /** The exporter's registration to use a general authorisation such as EU001 (Annex II). */
  GENERAL_AUTHORISATION;

  public String label() {
    return switch (this) {
      case INDIVIDUAL -> "Individual licence";
      case GLOBAL -> "Global licence";
      case GENERAL_AUTHORISATION -> "General authorisation registration";
    };
  }
}
