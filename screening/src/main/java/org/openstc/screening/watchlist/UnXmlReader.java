package org.openstc.screening.watchlist;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the UN Security Council Consolidated List XML ({@code CONSOLIDATED_LIST}): individuals and
 * entities with aliases of good and low quality, original-script names, dates and places of birth,
 * documents and addresses.
 */
final class UnXmlReader implements ListReader {

  private static final Set<String> RECORDS = Set.of("INDIVIDUAL", "ENTITY");
  private static final String URL = "https://scsanctions.un.org/resources/xml/en/consolidated.xml";

  @Override
  public void read(ListInput input, String source, Tally sink) {
    try (XmlRecordStream xml = new XmlRecordStream(input, "CONSOLIDATED_LIST")) {
      XmlElement record;
      while ((record = xml.next(RECORDS)) != null) {
        sink.publicationDate(Dates.iso(xml.rootAttribute("dateGenerated")));
        sink.accept(entity(record, source, input.name()));
      }
      sink.publicationDate(Dates.iso(xml.rootAttribute("dateGenerated")));
    }
  }

  private static ListedEntity entity(XmlElement r, String source, String file) {
    boolean person = r.name().equals("INDIVIDUAL");
    String reference = r.text("REFERENCE_NUMBER");
    String dataId = r.text("DATAID");
    String idText = reference != null ? reference : dataId;
    if (idText == null) {
      throw new WatchlistFormatException(
          file, r.line(), "<" + r.name() + "> without REFERENCE_NUMBER or DATAID");
    }
    ListedEntity.Builder b =
        ListedEntity.builder(
            EntityId.of(idText), person ? EntityType.PERSON : EntityType.ORGANISATION, source);
    b.sourceEntryId(reference).url(URL).property("dataId", dataId);
    List<String> parts = new ArrayList<>();
    for (String tag : List.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")) {
      String part = r.text(tag);
      if (part != null) {
        parts.add(part);
      }
    }
    if (!parts.isEmpty()) {
      Name primary = Name.primary(String.join(" ", parts));
      if (person) {
        primary = primary.withParts(unParts(parts));
      }
      b.name(primary);
    }
    String original = r.text("NAME_ORIGINAL_SCRIPT");
    if (original != null) {
      b.alias(Name.originalScript(original, null));
    }
    for (XmlElement alias : r.children(person ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS")) {
      String aliasName = alias.text("ALIAS_NAME");
      if (aliasName == null) {
        continue;
      }
      String quality = alias.text("QUALITY");
      Name name;
      if ("f.k.a.".equalsIgnoreCase(quality)) {
        name = Name.formerly(aliasName);
      } else {
        name =
            Name.alias(
                aliasName,
                "Low".equalsIgnoreCase(quality) ? NameStrength.WEAK : NameStrength.STRONG);
      }
      b.alias(name);
      String aliasBirth = alias.text("DATE_OF_BIRTH");
      if (aliasBirth != null) {
        b.birthDate(BirthDate.parse(aliasBirth));
      }
    }
    b.gender(Gender.parse(r.text("GENDER")));
    b.listedOn(Dates.iso(r.text("LISTED_ON")));
    b.programme(r.text("UN_LIST_TYPE"));
    b.remarks(r.text("COMMENTS1"));
    valuesOf(r, "TITLE").forEach(b::title);
    valuesOf(r, "DESIGNATION").forEach(b::position);
    valuesOf(r, "NATIONALITY").forEach(b::nationality);
    valuesOf(r, "LAST_DAY_UPDATED").forEach(v -> b.property("modifiedAt", v));
    for (XmlElement a : r.children(person ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS")) {
      String country = a.text("COUNTRY");
      String street = a.text("STREET");
      String city = a.text("CITY");
      String region = a.text("STATE_PROVINCE");
      String zip = a.text("ZIP_CODE");
      if (Address.hasContent(street, city, region, zip, country)) {
        b.address(
            Address.of(street, city, region, zip, country == null ? null : CountryRef.of(country)));
      }
      if (a.text("NOTE") != null) {
        b.property("addressNote", a.text("NOTE"));
      }
    }
    for (XmlElement d : r.children("INDIVIDUAL_DATE_OF_BIRTH")) {
      BirthDate date = birthDate(d);
      if (date != null) {
        b.birthDate(date);
      }
    }
    for (XmlElement p : r.children("INDIVIDUAL_PLACE_OF_BIRTH")) {
      List<String> place = new ArrayList<>();
      for (String tag : List.of("CITY", "STATE_PROVINCE", "COUNTRY")) {
        if (p.text(tag) != null) {
          place.add(p.text(tag));
        }
      }
      if (!place.isEmpty()) {
        b.placeOfBirth(String.join(", ", place));
      }
      if (p.text("COUNTRY") != null) {
        b.property("birthCountry", p.text("COUNTRY"));
      }
    }
    for (XmlElement d : r.children("INDIVIDUAL_DOCUMENT")) {
      String number = d.text("NUMBER");
      if (number == null) {
        continue;
      }
      String type = d.text("TYPE_OF_DOCUMENT");
      String type2 = d.text("TYPE_OF_DOCUMENT2");
      String country = d.text("ISSUING_COUNTRY");
      if (country == null) {
        country = d.text("COUNTRY_OF_ISSUE");
      }
      List<String> notes = new ArrayList<>();
      if (type2 != null) {
        notes.add(type2);
      }
      if (d.text("DATE_OF_ISSUE") != null) {
        notes.add("issued " + d.text("DATE_OF_ISSUE"));
      }
      if (d.text("CITY_OF_ISSUE") != null) {
        notes.add("in " + d.text("CITY_OF_ISSUE"));
      }
      if (d.text("NOTE") != null) {
        notes.add(d.text("NOTE"));
      }
      b.identifier(
          Identifier.of(type, number, country == null ? null : CountryRef.of(country))
              .withNote(notes.isEmpty() ? null : String.join("; ", notes)));
    }
    try {
      return b.build();
    } catch (IllegalStateException e) {
      throw new WatchlistFormatException(
          file, r.line(), "<" + r.name() + "> " + idText + " has no name", e);
    }
  }

  /** UN puts the family name in the last of SECOND..FOURTH_NAME that is present. */
  private static NameParts unParts(List<String> parts) {
    if (parts.size() == 1) {
      return NameParts.of(parts.get(0), null, null);
    }
    String middle = parts.size() > 2 ? String.join(" ", parts.subList(1, parts.size() - 1)) : null;
    return NameParts.of(parts.get(0), middle, parts.get(parts.size() - 1));
  }

  private static List<String> valuesOf(XmlElement r, String tag) {
    List<String> values = new ArrayList<>();
    for (XmlElement e : r.children(tag)) {
      values.addAll(e.texts("VALUE"));
    }
    return values;
  }

  private static BirthDate birthDate(XmlElement d) {
    String type = d.text("TYPE_OF_DATE");
    String date = d.text("DATE");
    String year = d.text("YEAR");
    String from = d.text("FROM_YEAR");
    String to = d.text("TO_YEAR");
    BirthDate result;
    try {
      if (from != null && to != null) {
        result = BirthDate.years(Integer.parseInt(from), Integer.parseInt(to));
      } else if (date != null) {
        result = BirthDate.parse(date);
      } else if (year != null) {
        result = BirthDate.parse(year);
      } else {
        return null;
      }
    } catch (NumberFormatException e) {
      return BirthDate.unparsed(from + "-" + to);
    }
    return "APPROXIMATELY".equalsIgnoreCase(type) ? result.approximately() : result;
  }
}
