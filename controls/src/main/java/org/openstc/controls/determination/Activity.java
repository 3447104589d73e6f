package org.openstc.controls.determination;

import java.util.Locale;

/** What the exporter does with the item. */
public enum Activity {
  EXPORT,
  /** Transfer within the Union (Art. 11 Regulation (EU) 2021/821; a re-export under the EAR). */
  INTRA_EU_TRANSFER,
  BROKERING,
  TECHNICAL_ASSISTANCE,
  /** Non-Union items passing through the Union (Art. 7 Regulation (EU) 2021/821). */
  TRANSIT;

  /** Parses the CLI/API spelling, e.g. {@code intra-eu-transfer}. */
  public static Activity parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidDeterminationRequest(
          "unknown activity '"
              + s
              + "' (export, intra-eu-transfer, brokering, technical-assistance, transit)");
    }
  }
}
