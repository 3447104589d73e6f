package org.openstc.screening.watchlist;

import java.util.Locale;

/** Gender as stated by the list; {@link #UNKNOWN} when the list says nothing. */
public enum Gender {
  MALE,
  FEMALE,
  OTHER,
  UNKNOWN;

  /** Reads the spellings used by the lists ("Male", "M", "female", "F" ...). */
  public static Gender parse(String text) {
    if (text == null) {
      return UNKNOWN;
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "m", "male", "man" -> MALE;
      case "f", "female", "woman" -> FEMALE;
      case "", "unknown", "u", "n/a" -> UNKNOWN;
      default -> OTHER;
    };
  }
}
