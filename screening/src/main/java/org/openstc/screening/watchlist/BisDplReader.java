package org.openstc.screening.watchlist;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the US BIS Denied Persons List as published: tab-separated with a header ({@code Name,
 * Street_Address, City, State, Country, Postal_Code, Effective_Date, Expiration_Date,
 * Standard_Order, Last_Update, Action, FR_Citation}). Rows carry no id, so one is derived from
 * name, address and effective date; the list does not say whether a party is a person or a company.
 */
final class BisDplReader implements ListReader {

  private static final CSVFormat FORMAT =
      CSVFormat.TDF
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true)
          .setTrim(true)
          .get();

  @Override
  public void read(ListInput input, String source, Tally sink) {
    CslEntries ids = new CslEntries();
    CsvRows.forEach(
        input,
        FORMAT,
        r -> {
          if (!r.isMapped("Name")) {
            throw new WatchlistFormatException(input.name(), 1, "DPL header lacks the Name column");
          }
          long line = r.getParser().getCurrentLineNumber();
          try {
            sink.accept(entity(r, source, ids));
          } catch (IllegalArgumentException | IllegalStateException e) {
            throw new WatchlistFormatException(input.name(), line, e.getMessage(), e);
          }
        });
  }

  private static ListedEntity entity(CSVRecord r, String source, CslEntries ids) {
    String name = CsvRows.field(r, "Name");
    String street = CsvRows.field(r, "Street_Address");
    String city = CsvRows.field(r, "City");
    String effective = CsvRows.field(r, "Effective_Date");
    EntityId id = ids.id("DPL", null, null, name, street, city, effective);
    ListedEntity.Builder b = ListedEntity.builder(id, EntityType.UNKNOWN, source);
    b.name(name);
    String country = CsvRows.field(r, "Country");
    if (Address.hasContent(
        street, city, CsvRows.field(r, "State"), CsvRows.field(r, "Postal_Code"), country)) {
      b.address(
          Address.of(
              street,
              city,
              CsvRows.field(r, "State"),
              CsvRows.field(r, "Postal_Code"),
              country == null ? null : CountryRef.of(country)));
    }
    b.listedOn(Dates.us(effective));
    b.property("endDate", CsvRows.field(r, "Expiration_Date"));
    b.property("standardOrder", CsvRows.field(r, "Standard_Order"));
    b.property("modifiedAt", CsvRows.field(r, "Last_Update"));
    b.property("action", CsvRows.field(r, "Action"));
    b.property("federalRegisterNotice", CsvRows.field(r, "FR_Citation"));
    b.programme("Denied Persons List");
    b.url(
        "https://www.bis.gov/licensing/guidance-on-end-user-and-end-use-controls-and-us-person-controls/denied-persons-list");
    return b.build();
  }
}
