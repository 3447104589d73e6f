package org.openstc.screening.watchlist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads OFAC's legacy CSV files: the primary file ({@code sdn.csv} or {@code cons_prim.csv}: no
 * header, "-0-" for empty) alone, or the whole set with addresses, strong aliases and remark
 * continuations. Remarks are mined for dates of birth, identifiers and weak a.k.a.s.
 */
final class OfacLegacyCsvReader implements ListReader {

  // Not trimmed: a remark cut off at a space continues in the comments file, and the space matters.
  private static final CSVFormat FORMAT = CsvRows.csv().get();
  private static final String URL = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=";

  /** The files of one OFAC CSV set; all but the primary file may be missing. */
  record Set(Path primary, Path addresses, Path aliases, Path comments, String defaultSource) {}

  /** Finds {@code sdn.csv} (or {@code cons_prim.csv}) and its companions in a directory. */
  static Set findSet(Path dir) {
    Map<String, Path> files = new HashMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      list.forEach(p -> files.put(p.getFileName().toString().toLowerCase(Locale.ROOT), p));
    } catch (IOException e) {
      throw new WatchlistFormatException(
          dir.toString(), 0, "cannot list directory: " + e.getMessage(), e);
    }
    if (files.containsKey("sdn.csv")) {
      return new Set(
          files.get("sdn.csv"),
          files.get("add.csv"),
          files.get("alt.csv"),
          files.get("sdn_comments.csv"),
          ListSources.OFAC_SDN);
    }
    if (files.containsKey("cons_prim.csv")) {
      return new Set(
          files.get("cons_prim.csv"),
          files.get("cons_add.csv"),
          files.get("cons_alt.csv"),
          files.get("cons_comments.csv"),
          ListSources.OFAC_NON_SDN);
    }
    return null;
  }

  @Override
  public void read(ListInput input, String source, Tally sink) {
    readPrimary(input, source, Map.of(), Map.of(), Map.of(), sink);
  }

  void readSet(Set set, String source, Tally sink) {
    Map<String, List<Address>> addresses = new HashMap<>();
    Map<String, List<Name>> aliases = new HashMap<>();
    Map<String, StringBuilder> comments = new HashMap<>();
    if (set.addresses() != null) {
      eachRow(
          set.addresses(),
          6,
          r -> {
            String street = CsvRows.field(r, 2);
            String city = CsvRows.field(r, 3);
            String country = CsvRows.field(r, 4);
            if (Address.hasContent(street, city, country)) {
              addresses
                  .computeIfAbsent(r.get(0).strip(), k -> new ArrayList<>())
                  .add(
                      new Address(
                          null,
                          street,
                          city,
                          null,
                          null,
                          country == null ? null : CountryRef.of(country)));
            }
          });
    }
    if (set.aliases() != null) {
      eachRow(
          set.aliases(),
          5,
          r -> {
            String name = CsvRows.field(r, 3);
            if (name == null) {
              return;
            }
            String type = CsvRows.field(r, 2);
            Name alias =
                "fka".equalsIgnoreCase(type)
                    ? Name.formerly(name)
                    : Name.alias(name, NameStrength.STRONG);
            aliases.computeIfAbsent(r.get(0).strip(), k -> new ArrayList<>()).add(alias);
          });
    }
    if (set.comments() != null) {
      eachRow(
          set.comments(),
          2,
          r -> {
            String text = r.size() > 1 ? r.get(1) : null;
            if (text != null && !text.strip().equals("-0-")) {
              comments.computeIfAbsent(r.get(0).strip(), k -> new StringBuilder()).append(text);
            }
          });
    }
    ListInput primary = ListInput.open(set.primary());
    try {
      readPrimary(primary, source, addresses, aliases, comments, sink);
    } finally {
      primary.close();
    }
  }

  private static void eachRow(
      Path path, int minColumns, java.util.function.Consumer<CSVRecord> consumer) {
    ListInput input = ListInput.open(path);
    try {
      CsvRows.forEach(
          input,
          FORMAT,
          r -> {
            if (isEndMarker(r)) {
              return;
            }
            if (r.size() < minColumns || !Text.isDigits(r.get(0).strip())) {
              throw new WatchlistFormatException(
                  input.name(),
                  r.getParser().getCurrentLineNumber(),
                  "not an OFAC CSV row (expected "
                      + minColumns
                      + " columns starting with an entity number)");
            }
            consumer.accept(r);
          });
    } finally {
      input.close();
    }
  }

  /** OFAC files end with a DOS end-of-file character on a line of its own. */
  private static boolean isEndMarker(CSVRecord r) {
    return r.size() == 1 && (r.get(0).isBlank() || r.get(0).strip().equals("\u001A"));
  }

  private void readPrimary(
      ListInput input,
      String source,
      Map<String, List<Address>> addresses,
      Map<String, List<Name>> aliases,
      Map<String, StringBuilder> comments,
      Tally sink) {
    CsvRows.forEach(
        input,
        FORMAT,
        r -> {
          if (isEndMarker(r)) {
            return;
          }
          long line = r.getParser().getCurrentLineNumber();
          if (r.size() < 12 || !Text.isDigits(r.get(0).strip())) {
            throw new WatchlistFormatException(
                input.name(),
                line,
                "not an OFAC primary record (expected 12 columns starting with ent_num, found "
                    + r.size()
                    + ")");
          }
          String entNum = r.get(0).strip();
          try {
            sink.accept(entity(r, entNum, source, addresses, aliases, comments));
          } catch (IllegalArgumentException | IllegalStateException e) {
            throw new WatchlistFormatException(
                input.name(), line, "entry " + entNum + ": " + e.getMessage(), e);
          }
        });
  }

  private static ListedEntity entity(
      CSVRecord r,
      String entNum,
      String source,
      Map<String, List<Address>> addresses,
      Map<String, List<Name>> aliases,
      Map<String, StringBuilder> comments) {
    EntityType type = type(CsvRows.field(r, 2));
    ListedEntity.Builder b = ListedEntity.builder(EntityId.of(entNum), type, source);
    b.sourceEntryId(entNum).url(URL + entNum);
    String name = CsvRows.field(r, 1);
    if (name != null) {
      b.name(personName(Name.primary(name), type));
    }
    for (Name alias : aliases.getOrDefault(entNum, List.of())) {
      b.alias(personName(alias, type));
    }
    programmes(CsvRows.field(r, 3)).forEach(b::programme);
    b.position(CsvRows.field(r, 4));
    String callSign = CsvRows.field(r, 5);
    if (callSign != null) {
      b.identifier(new Identifier(IdentifierType.CALL_SIGN, "Call Sign", callSign, null, null));
    }
    b.property("vesselType", CsvRows.field(r, 6));
    b.property("tonnage", CsvRows.field(r, 7));
    b.property("grossRegisteredTonnage", CsvRows.field(r, 8));
    String flag = CsvRows.field(r, 9);
    b.property("flag", flag);
    b.property("owner", CsvRows.field(r, 10));
    addresses.getOrDefault(entNum, List.of()).forEach(b::address);
    String remarks = CsvRows.field(r, 11) == null ? null : r.get(11);
    StringBuilder more = comments.get(entNum);
    if (more != null) {
      remarks = (remarks == null ? "" : remarks) + more;
    }
    b.remarks(remarks);
    OfacRemarks.apply(remarks, b);
    return b.build();
  }

  static EntityType type(String sdnType) {
    if (sdnType == null) {
      return EntityType.ORGANISATION;
    }
    return switch (sdnType.toLowerCase(Locale.ROOT)) {
      case "individual" -> EntityType.PERSON;
      case "vessel" -> EntityType.VESSEL;
      case "aircraft" -> EntityType.AIRCRAFT;
      case "entity" -> EntityType.ORGANISATION;
      default -> EntityType.UNKNOWN;
    };
  }

  /** OFAC writes several programmes as "SDGT] [IFSR". */
  static List<String> programmes(String field) {
    if (field == null) {
      return List.of();
    }
    List<String> programmes = new ArrayList<>();
    for (String p : field.split("\\]\\s*\\[")) {
      String clean = Text.clean(p.replace("[", "").replace("]", ""));
      if (clean != null) {
        programmes.add(clean);
      }
    }
    return programmes;
  }

  /** OFAC writes persons as "FAMILY, Given Names": the parts are taken from there. */
  static Name personName(Name name, EntityType type) {
    if (type != EntityType.PERSON) {
      return name;
    }
    String full = name.full();
    int comma = full.indexOf(", ");
    if (comma <= 0 || full.indexOf(", ", comma + 2) >= 0) {
      return name;
    }
    return name.withParts(NameParts.of(full.substring(comma + 2), null, full.substring(0, comma)));
  }
}
