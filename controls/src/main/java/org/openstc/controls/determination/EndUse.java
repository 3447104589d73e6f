package org.openstc.controls.determination;

import java.util.Locale;

/** The end use the exporter knows of or has been told about. */
public enum EndUse {
  CIVIL,
  MILITARY,
  /** Chemical, biological or nuclear weapons or missiles for them (Art. 4(1)(a)). */
  WMD,
  /** Internal repression or serious violations of human rights (Art. 5(1), cyber-surveillance). */
  INTERNAL_REPRESSION;

  public static EndUse parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidDeterminationRequest(
          "unknown end use '" + s + "' (civil, military, wmd, internal-repression)");
    }
  }
}
