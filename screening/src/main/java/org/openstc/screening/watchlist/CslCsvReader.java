package org.openstc.screening.watchlist;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the trade.gov Consolidated Screening List CSV: the current 29-column schema (with {@code
 * _id}) and the older one without it, gzipped or not.
 */
final class CslCsvReader implements ListReader {

  private static final CSVFormat FORMAT =
      CsvRows.csv().setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true).get();

  @Override
  public void read(ListInput input, String source, Tally sink) {
    CslEntries entries = new CslEntries();
    CsvRows.forEach(
        input,
        FORMAT,
        r -> {
          if (!r.isMapped("name") || !r.isMapped("source")) {
            throw new WatchlistFormatException(
                input.name(), 1, "CSL header lacks the name and source columns");
          }
          long line = r.getParser().getCurrentLineNumber();
          try {
            sink.accept(entity(r, source, entries));
          } catch (IllegalArgumentException | IllegalStateException e) {
            throw new WatchlistFormatException(input.name(), line, e.getMessage(), e);
          }
        });
  }

  private static ListedEntity entity(CSVRecord r, String source, CslEntries entries) {
    String list = CslEntries.listCode(CsvRows.field(r, "source"));
    String name = CsvRows.field(r, "name");
    EntityType type = CslEntries.type(CsvRows.field(r, "type"));
    String entityNumber = CsvRows.field(r, "entity_number");
    ListedEntity.Builder b =
        ListedEntity.builder(
            entries.id(
                list,
                CsvRows.field(r, "_id"),
                entityNumber,
                name,
                CsvRows.field(r, "addresses"),
                CsvRows.field(r, "start_date")),
            type,
            source);
    b.sourceEntryId(entityNumber != null ? entityNumber : CsvRows.field(r, "_id"));
    if (name != null) {
      b.name(OfacLegacyCsvReader.personName(Name.primary(name), type));
    }
    for (String alias : CslEntries.split(CsvRows.field(r, "alt_names"))) {
      b.alias(OfacLegacyCsvReader.personName(Name.alias(alias, NameStrength.STRONG), type));
    }
    b.property("list", list);
    b.property("listName", CsvRows.field(r, "source"));
    CslEntries.split(CsvRows.field(r, "programs")).forEach(b::programme);
    b.position(CsvRows.field(r, "title"));
    for (String address :
        CsvRows.field(r, "addresses") == null
            ? new String[0]
            : CsvRows.field(r, "addresses").split("; ")) {
      b.address(CslEntries.address(address));
    }
    b.listedOn(Dates.iso(CsvRows.field(r, "start_date")));
    b.property("endDate", CsvRows.field(r, "end_date"));
    b.property("federalRegisterNotice", CsvRows.field(r, "federal_register_notice"));
    b.property("standardOrder", CsvRows.field(r, "standard_order"));
    b.property("licenseRequirement", CsvRows.field(r, "license_requirement"));
    b.property("licensePolicy", CsvRows.field(r, "license_policy"));
    String callSign = CsvRows.field(r, "call_sign");
    if (callSign != null) {
      b.identifier(new Identifier(IdentifierType.CALL_SIGN, "Call Sign", callSign, null, null));
    }
    b.property("vesselType", CsvRows.field(r, "vessel_type"));
    b.property("tonnage", CsvRows.field(r, "gross_tonnage"));
    b.property("grossRegisteredTonnage", CsvRows.field(r, "gross_registered_tonnage"));
    b.property("flag", CsvRows.field(r, "vessel_flag"));
    b.property("owner", CsvRows.field(r, "vessel_owner"));
    b.remarks(CsvRows.field(r, "remarks"));
    b.url(CsvRows.field(r, "source_information_url"));
    b.property("sourceListUrl", CsvRows.field(r, "source_list_url"));
    CslEntries.split(CsvRows.field(r, "citizenships")).forEach(b::citizenship);
    CslEntries.split(CsvRows.field(r, "nationalities")).forEach(b::nationality);
    CslEntries.split(CsvRows.field(r, "places_of_birth")).forEach(b::placeOfBirth);
    CslEntries.split(CsvRows.field(r, "dates_of_birth"))
        .forEach(d -> b.birthDate(CslEntries.birthDate(d)));
    for (String id : CslEntries.split(CsvRows.field(r, "ids"))) {
      CslEntries.applyId(id, b);
    }
    return b.build();
  }
}
