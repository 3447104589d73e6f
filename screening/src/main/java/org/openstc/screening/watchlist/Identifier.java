package org.openstc.screening.watchlist;

import java.util.Objects;

/**
 * An identifying number of a listed entity: passport, national ID, IMO number, crypto address ...
 *
 * @param type classified kind
 * @param label the list's own label for it ("Cedula No.", "Digital Currency Address - ETH")
 * @param value the number as printed
 * @param issuingCountry issuing country, or {@code null}
 * @param note further text from the list (issue and expiry dates, "expires ..."), or {@code null}
 */
public record Identifier(
    IdentifierType type, String label, String value, CountryRef issuingCountry, String note) {

  public Identifier {
    Objects.requireNonNull(type, "type");
    value = Text.clean(value);
    if (value == null) {
      throw new IllegalArgumentException("identifier value must not be blank");
    }
    label = Text.clean(label);
    if (label == null) {
      label = type.name();
    }
    note = Text.clean(note);
  }

  /** An identifier whose type is classified from the list's label. */
  public static Identifier of(String label, String value, CountryRef issuingCountry) {
    return new Identifier(IdentifierType.classify(label), label, value, issuingCountry, null);
  }

  public Identifier withNote(String text) {
    return new Identifier(type, label, value, issuingCountry, text);
  }

  String canonical() {
    return type + ":" + value + "@" + (issuingCountry == null ? "" : issuingCountry.canonical());
  }
}
