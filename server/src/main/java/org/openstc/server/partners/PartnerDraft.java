package org.openstc.server.partners;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * What a user enters for a partner, validated: a name, a known type, a two-letter country, a birth
 * date (YYYY, YYYY-MM or YYYY-MM-DD) only for people.
 */
public record PartnerDraft(
    String reference,
    String name,
    List<String> aliases,
    PartyType type,
    Set<PartnerRole> roles,
    String country,
    String address,
    String city,
    String postalCode,
    String birthDate,
    List<String> identifiers,
    String notes) {

  public PartnerDraft {
    reference = trim(reference, 100, "reference");
    name = trim(name, 500, "name");
    if (name == null) {
      throw new IllegalArgumentException("name: a partner needs a name");
    }
    aliases = cleanList(aliases, "aliases");
    type = type == null ? PartyType.ORGANISATION : type;
    roles =
        roles == null || roles.isEmpty() ? EnumSet.of(PartnerRole.CUSTOMER) : EnumSet.copyOf(roles);
    country = trim(country, 2, "country");
    if (country != null) {
      if (!country.matches("[A-Za-z]{2}")) {
        throw new IllegalArgumentException(
            "country: use a two-letter ISO 3166 code, not '" + country + "'");
      }
      country = country.toUpperCase();
    }
    address = trim(address, 1000, "address");
    city = trim(city, 200, "city");
    postalCode = trim(postalCode, 40, "postal code");
    birthDate = trim(birthDate, 20, "birth date");
    if (birthDate != null) {
      checkBirthDate(birthDate);
      if (type != PartyType.PERSON) {
        throw new IllegalArgumentException("birth date: only people have a birth date");
      }
    }
    identifiers = cleanList(identifiers, "identifiers");
    notes = trim(notes, 4000, "notes");
  }

  /** SHA-256 over the facts screening uses; changes when any of them changes. */
  public String fingerprint() {
    String canonical =
        String.join(
            "\u001f",
            name.toLowerCase(),
            String.join("\u001e", aliases).toLowerCase(),
            type.name(),
            nz(country),
            nz(birthDate),
            String.join("\u001e", identifiers).toLowerCase(),
            nz(address).toLowerCase(),
            nz(city).toLowerCase());
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Splits a user's list field ("a; b; c" or one per line). */
  public static List<String> splitList(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String part : text.split("[;\\n|]")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  private static void checkBirthDate(String text) {
    try {
      if (text.matches("\\d{4}")) {
        return;
      }
      if (text.matches("\\d{4}-\\d{2}")) {
        LocalDate.parse(text + "-01");
        return;
      }
      LocalDate date = LocalDate.parse(text);
      if (date.isAfter(LocalDate.now())) {
        throw new IllegalArgumentException("birth date: " + text + " is in the future");
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "birth date: '" + text + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
    }
  }

  private static List<String> cleanList(List<String> values, String field) {
    if (values == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String v : values) {
      String t = trim(v, 500, field);
      if (t != null) {
        out.add(t);
      }
    }
    if (out.size() > 50) {
      throw new IllegalArgumentException(field + ": at most 50 entries");
    }
    return List.copyOf(out);
  }

  private static String trim(String value, int max, String field) {
    if (value == null) {
      return null;
    }
    String t = value.strip().replaceAll("\\p{Cntrl}", " ");
    if (t.isEmpty()) {
      return null;
    }
    if (t.length() > max) {
      throw new IllegalArgumentException(field + ": at most " + max + " characters");
    }
    return t;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
