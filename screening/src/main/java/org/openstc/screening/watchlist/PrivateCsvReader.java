package org.openstc.screening.watchlist;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads OpenSTC's simple CSV for an organisation's own lists (internal blacklists, customer
 * exclusions). Header-driven: only {@code id} and {@code name} are required, columns may come in
 * any order, multi-valued cells are separated by ";", unknown columns are kept as properties, and
 * lines starting with "#" are comments. The full specification is in docs/LISTS.md.
 */
final class PrivateCsvReader implements ListReader {

  private static CSVFormat format(char delimiter) {
    return CsvRows.csv()
        .setDelimiter(delimiter)
        .setHeader()
        .setSkipHeaderRecord(true)
        .setCommentMarker('#')
        .setTrim(true)
        .setIgnoreHeaderCase(true)
        .get();
  }

  /** The columns with a meaning of their own; everything else becomes a property. */
  static final Set<String> COLUMNS =
      Set.of(
          "id",
          "name",
          "type",
          "aliases",
          "weak_aliases",
          "former_names",
          "original_script_names",
          "given_name",
          "middle_name",
          "family_name",
          "gender",
          "birth_date",
          "place_of_birth",
          "nationality",
          "citizenship",
          "country",
          "address",
          "identifiers",
          "titles",
          "positions",
          "programmes",
          "listed_on",
          "url",
          "remarks");

  @Override
  public void read(ListInput input, String source, Tally sink) {
    java.util.Map<String, Long> firstLine = new java.util.HashMap<>();
    // A semicolon-delimited file (spreadsheets in many locales) separates values in a cell with
    // "|".
    char delimiter = FormatSniffer.delimiter(FormatSniffer.headerLine(input.head()));
    String separator = delimiter == ';' ? "\\|" : ";";
    CsvRows.forEach(
        input,
        format(delimiter),
        r -> {
          long line = r.getParser().getCurrentLineNumber();
          if (!r.isMapped("id") || !r.isMapped("name")) {
            throw new WatchlistFormatException(
                input.name(), 1, "private list CSV needs the columns id and name");
          }
          try {
            String id = get(r, "id");
            Long previous = id == null ? null : firstLine.putIfAbsent(id, line);
            if (previous != null) {
              throw new IllegalArgumentException(
                  "duplicate id " + id + " (first on line " + previous + ")");
            }
            sink.accept(entity(r, source, separator));
          } catch (IllegalArgumentException | IllegalStateException e) {
            throw new WatchlistFormatException(input.name(), line, e.getMessage(), e);
          }
        });
  }

  private static ListedEntity entity(CSVRecord r, String source, String separator) {
    String id = get(r, "id");
    if (id == null) {
      throw new IllegalArgumentException("row without id");
    }
    String name = get(r, "name");
    if (name == null) {
      throw new IllegalArgumentException("row " + id + " without name");
    }
    ListedEntity.Builder b = ListedEntity.builder(EntityId.of(id), type(get(r, "type")), source);
    b.sourceEntryId(id);
    b.name(
        new Name(
            name,
            NameStrength.STRONG,
            NameKind.PRIMARY,
            null,
            null,
            NameParts.of(get(r, "given_name"), get(r, "middle_name"), get(r, "family_name"))));
    many(r, "aliases", separator).forEach(a -> b.alias(Name.alias(a, NameStrength.STRONG)));
    many(r, "weak_aliases", separator).forEach(a -> b.alias(Name.alias(a, NameStrength.WEAK)));
    many(r, "former_names", separator).forEach(a -> b.alias(Name.formerly(a)));
    many(r, "original_script_names", separator).forEach(a -> b.alias(Name.originalScript(a, null)));
    b.gender(Gender.parse(get(r, "gender")));
    many(r, "birth_date", separator).forEach(d -> b.birthDate(BirthDate.parse(d)));
    many(r, "place_of_birth", separator).forEach(b::placeOfBirth);
    many(r, "nationality", separator).forEach(b::nationality);
    many(r, "citizenship", separator).forEach(b::citizenship);
    many(r, "country", separator).forEach(b::country);
    many(r, "address", separator)
        .forEach(a -> b.address(new Address(a, null, null, null, null, null)));
    many(r, "identifiers", separator).forEach(i -> b.identifier(identifier(i)));
    many(r, "titles", separator).forEach(b::title);
    many(r, "positions", separator).forEach(b::position);
    many(r, "programmes", separator).forEach(b::programme);
    String listedOn = get(r, "listed_on");
    if (listedOn != null) {
      b.listedOn(Dates.iso(listedOn));
      if (Dates.iso(listedOn) == null) {
        throw new IllegalArgumentException(
            "listed_on is not an ISO date (yyyy-mm-dd): " + listedOn);
      }
    }
    b.url(get(r, "url"));
    b.remarks(get(r, "remarks"));
    for (Map.Entry<String, String> cell : r.toMap().entrySet()) {
      String column = cell.getKey().strip().toLowerCase(Locale.ROOT);
      if (!COLUMNS.contains(column) && !column.isEmpty()) {
        b.property(column, cell.getValue());
      }
    }
    return b.build();
  }

  /** "PASSPORT:A123:IR", "IMO:9187629" or "Cedula No.:123:CO" (a free label is classified). */
  static Identifier identifier(String cell) {
    String[] parts = cell.split(":", -1);
    if (parts.length < 2 || Text.clean(parts[1]) == null) {
      throw new IllegalArgumentException("identifier must be TYPE:value[:country], got: " + cell);
    }
    String label = parts[0].strip();
    String country = parts.length > 2 ? Text.clean(parts[2]) : null;
    IdentifierType type;
    try {
      type = IdentifierType.valueOf(label.toUpperCase(Locale.ROOT).replace(' ', '_'));
    } catch (IllegalArgumentException e) {
      type = IdentifierType.classify(label);
    }
    return new Identifier(
        type, label, parts[1], country == null ? null : CountryRef.of(country), null);
  }

  static EntityType type(String text) {
    if (text == null) {
      return EntityType.UNKNOWN;
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "person", "individual" -> EntityType.PERSON;
      case "organisation", "organization", "company", "entity", "legalentity" ->
          EntityType.ORGANISATION;
      case "vessel", "ship" -> EntityType.VESSEL;
      case "aircraft", "airplane" -> EntityType.AIRCRAFT;
      case "unknown", "" -> EntityType.UNKNOWN;
      default ->
          throw new IllegalArgumentException(
              "type must be person, organisation, vessel, aircraft or unknown, got: " + text);
    };
  }

  private static String get(CSVRecord r, String column) {
    return CsvRows.field(r, column);
  }

  private static List<String> many(CSVRecord r, String column, String separator) {
    String value = get(r, column);
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.split(separator))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
