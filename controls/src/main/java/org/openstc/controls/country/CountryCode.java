package org.openstc.controls.country;

import java.util.Locale;

/** An ISO 3166-1 alpha-2 country code (XK is accepted for Kosovo, as the EAR and EU use it). */
public record CountryCode(String value) implements Comparable<CountryCode> {

  public CountryCode {
    if (value == null) {
      throw new IllegalArgumentException("country code is null");
    }
    value = value.strip().toUpperCase(Locale.ROOT);
    if (!value.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException("not an ISO 3166 alpha-2 country code: '" + value + "'");
    }
  }

  public static CountryCode of(String value) {
    return new CountryCode(value);
  }

  @Override
  public int compareTo(CountryCode o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
