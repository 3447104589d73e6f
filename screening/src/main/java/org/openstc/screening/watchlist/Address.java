package org.openstc.screening.watchlist;

import java.util.StringJoiner;

/**
 * A postal address from a list entry; any part may be {@code null}. {@link #full()} is the whole
 * address on one line, built from the parts when the list gives only parts.
 */
public record Address(
    String full, String street, String city, String region, String postalCode, CountryRef country) {

  public Address {
    street = Text.clean(street);
    city = Text.clean(city);
    region = Text.clean(region);
    postalCode = Text.clean(postalCode);
    full = Text.clean(full);
    if (full == null) {
      StringJoiner joiner = new StringJoiner(", ");
      for (String part : new String[] {street, city, region, postalCode}) {
        if (part != null) {
          joiner.add(part);
        }
      }
      if (country != null) {
        joiner.add(country.raw());
      }
      full = joiner.length() == 0 ? null : joiner.toString();
    }
    if (full == null) {
      throw new IllegalArgumentException("address has no content");
    }
  }

  public static Address of(
      String street, String city, String region, String postalCode, CountryRef country) {
    return new Address(null, street, city, region, postalCode, country);
  }

  /** Whether the address says anything at all (lists often publish empty address rows). */
  static boolean hasContent(String... parts) {
    for (String part : parts) {
      if (Text.clean(part) != null) {
        return true;
      }
    }
    return false;
  }
}
