package org.openstc.controls.list;

/**
 * The multilateral regime (or national origin) a control list entry comes from, read from the
 * hundreds digit of the dual-use numbering (0xx Wassenaar, 1xx MTCR, 2xx NSG, 3xx Australia Group,
 * 4xx CWC) and from the ML prefix of munitions headings.
 */
public enum Regime {
  WASSENAAR("Wassenaar Arrangement"),
  WASSENAAR_MUNITIONS("Wassenaar Arrangement Munitions List"),
  MTCR("Missile Technology Control Regime"),
  NSG("Nuclear Suppliers Group"),
  AUSTRALIA_GROUP("Australia Group"),
  CWC("Chemical Weapons Convention"),
  EU_AUTONOMOUS("EU autonomous control (5xx, not from a regime)"),
  US_UNILATERAL("US unilateral control (xY9zz anti-terrorism and short-supply entries, xY5zz)"),
  NATIONAL("National control"),
  UNKNOWN("Unknown");

  private final String title;

  Regime(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  /** The regime implied by the EU numbering of an entry code. */
  public static Regime ofEuCode(ControlEntryCode code) {
    if (code.isMunitions()) {
      return WASSENAAR_MUNITIONS;
    }
    if (!code.isDualUseNumbered()) {
      return UNKNOWN;
    }
    return switch (code.value().charAt(2)) {
      case '0' -> WASSENAAR;
      case '1' -> MTCR;
      case '2' -> NSG;
      case '3' -> AUSTRALIA_GROUP;
      case '4' -> CWC;
      case '5' -> EU_AUTONOMOUS;
      default -> UNKNOWN;
    };
  }

  /** The regime implied by a US ECCN (600 series are Wassenaar munitions, 9xx unilateral). */
  public static Regime ofEccn(ControlEntryCode code) {
    if (!code.isDualUseNumbered()) {
      return UNKNOWN;
    }
    return switch (code.value().charAt(2)) {
      case '6' -> WASSENAAR_MUNITIONS;
      case '9', '5' -> US_UNILATERAL;
      default -> ofEuCode(code);
    };
  }
}
