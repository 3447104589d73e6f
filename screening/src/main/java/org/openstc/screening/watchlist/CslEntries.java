package org.openstc.screening.watchlist;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps trade.gov Consolidated Screening List records, whether from the CSV or the JSON download,
 * onto the model. One CSL file merges many US lists: the list code ("SDN", "EL", "DPL" ...) is kept
 * and prefixes the entity id, because the same OFAC number appears on several of them.
 */
final class CslEntries {

  private static final Pattern LIST_CODE = Pattern.compile("\\(([^)]+)\\)");

  /** Ids already emitted in this file, to disambiguate the few duplicate rows CSL publishes. */
  private final Map<String, Integer> seen = new HashMap<>();

  /**
   * The list's short code from its CSL source name, e.g. "SDN" from "Specially ... (SDN) -
   * Treasury".
   */
  static String listCode(String sourceName) {
    if (sourceName == null) {
      return "CSL";
    }
    Matcher m = LIST_CODE.matcher(sourceName);
    return m.find() ? m.group(1).strip().replace(' ', '-') : sourceName.strip();
  }

  /** A stable id: list code and the record's {@code _id} (or entity number, or a content hash). */
  EntityId id(String listCode, String recordId, String entityNumber, String... content) {
    String base = recordId != null ? recordId : entityNumber != null ? entityNumber : hash(content);
    String id = listCode + ":" + base;
    int n = seen.merge(id, 1, Integer::sum);
    return EntityId.of(n == 1 ? id : id + "#" + n);
  }

  static String hash(String... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        digest.update(
            (part == null ? "" : part.strip().toLowerCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static EntityType type(String type) {
    if (type == null) {
      return EntityType.UNKNOWN;
    }
    return switch (type.strip().toLowerCase(Locale.ROOT)) {
      case "individual" -> EntityType.PERSON;
      case "entity" -> EntityType.ORGANISATION;
      case "vessel" -> EntityType.VESSEL;
      case "aircraft" -> EntityType.AIRCRAFT;
      default -> EntityType.UNKNOWN;
    };
  }

  /** Splits a "; "-joined CSV cell; the Entity List writes the last alias as "and X". */
  static List<String> split(String cell) {
    if (cell == null) {
      return List.of();
    }
    return java.util.Arrays.stream(cell.split(";"))
        .map(String::strip)
        .map(s -> s.startsWith("and ") ? s.substring(4).strip() : s)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /**
   * An address written as "street, city, state, postal code, CC": the trailing code is the country.
   */
  static Address address(String text) {
    String t = Text.clean(text);
    if (t == null) {
      return null;
    }
    int comma = t.lastIndexOf(',');
    String last = comma >= 0 ? t.substring(comma + 1).strip() : t;
    CountryRef country = Text.isUpperAlpha2(last) ? CountryRef.ofCode(last, last) : null;
    return new Address(t, null, null, null, null, country);
  }

  /**
   * An id cell from the CSV: the API's id object flattened in key order, "country, expiration,
   * issue date, number, type", absent keys left out.
   */
  static void applyId(String text, ListedEntity.Builder b) {
    String[] parts = text.split(", ");
    if (parts.length < 2) {
      b.identifier(new Identifier(IdentifierType.OTHER, null, text, null, null));
      return;
    }
    String type = parts[parts.length - 1].strip();
    String number = parts[parts.length - 2].strip();
    String country =
        parts.length >= 3 && Text.isUpperAlpha2(parts[0].strip()) ? parts[0].strip() : null;
    StringBuilder note = new StringBuilder();
    for (int i = country == null ? 0 : 1; i < parts.length - 2; i++) {
      note.append(note.length() == 0 ? "" : ", ").append(parts[i].strip());
    }
    applyId(type, number, country, note.length() == 0 ? null : note.toString(), b);
  }

  static void applyId(
      String type, String number, String country, String note, ListedEntity.Builder b) {
    if (number == null) {
      return;
    }
    if ("Gender".equalsIgnoreCase(type)) {
      b.gender(Gender.parse(number));
      return;
    }
    OfacRemarks.applyTyped(type, number, country, note, b);
  }

  /** Dates of birth in CSL are ISO dates, years or OFAC-style text. */
  static BirthDate birthDate(String text) {
    String t = Text.clean(text);
    return t == null ? null : BirthDate.parse(t);
  }
}
