package org.openstc.screening.watchlist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the UK FCDO sanctions list XML ({@code Designations} / {@code Designation}): names in six
 * parts with type and alias strength, non-Latin names, titles, regime, addresses, contact data, and
 * the individual, entity and ship details blocks (DOBs with "dd/mm" placeholders, nationalities,
 * passports, national IDs, registration numbers, IMO numbers, flags).
 */
final class UkFcdoXmlReader implements ListReader {

  private static final Set<String> RECORDS = Set.of("Designation", "DateGenerated");
  private static final String URL = "https://sanctionslist.fcdo.gov.uk/";

  @Override
  public void read(ListInput input, String source, Tally sink) {
    try (XmlRecordStream xml = new XmlRecordStream(input, "Designations")) {
      XmlElement r;
      while ((r = xml.next(RECORDS)) != null) {
        if (r.name().equals("DateGenerated")) {
          sink.publicationDate(Dates.dayFirst(r.cleanText()));
          continue;
        }
        try {
          sink.accept(entity(r, source));
        } catch (IllegalArgumentException | IllegalStateException e) {
          throw new WatchlistFormatException(
              input.name(), r.line(), "<Designation> " + e.getMessage(), e);
        }
      }
    }
  }

  private static ListedEntity entity(XmlElement r, String source) {
    String id = r.text("UniqueID");
    if (id == null) {
      throw new IllegalArgumentException("without <UniqueID>");
    }
    String kind = r.text("IndividualEntityShip");
    EntityType type =
        kind == null
            ? EntityType.UNKNOWN
            : switch (kind.toLowerCase(Locale.ROOT)) {
              case "individual" -> EntityType.PERSON;
              case "entity" -> EntityType.ORGANISATION;
              case "ship" -> EntityType.VESSEL;
              case "aircraft" -> EntityType.AIRCRAFT;
              default -> EntityType.UNKNOWN;
            };
    ListedEntity.Builder b = ListedEntity.builder(EntityId.of(id), type, source);
    b.sourceEntryId(id).url(URL);
    b.listedOn(Dates.dayFirst(r.text("DateDesignated")));
    b.property("modifiedAt", r.text("LastUpdated"));
    b.property("ofsiGroupId", r.text("OFSIGroupID"));
    b.property("unReferenceNumber", r.text("UNReferenceNumber"));
    b.property("designationSource", r.text("DesignationSource"));
    if (r.text("SanctionsImposed") != null) {
      for (String measure : r.text("SanctionsImposed").split("\\|")) {
        b.property("sanctionsImposed", measure);
      }
    }
    b.programme(r.text("RegimeName"));
    b.remarks(r.text("OtherInformation"));
    b.property("statementOfReasons", r.text("UKStatementofReasons"));
    for (XmlElement n : r.descendants("Name")) {
      if (n.child("NameType") == null && n.children().isEmpty()) {
        continue;
      }
      name(n, type, b);
    }
    for (XmlElement n : r.descendants("NonLatinName")) {
      String text = n.text("NameNonLatinScript");
      if (text != null) {
        b.alias(Name.originalScript(text, n.text("NonLatinScriptLanguage")));
      }
    }
    for (XmlElement t : r.descendants("Title")) {
      b.title(t.cleanText());
    }
    for (XmlElement a : r.descendants("Address")) {
      // Lines 1-3 are the street, 4 the place, 5 the region, 6 the town or city.
      List<String> lines = new ArrayList<>();
      for (int i = 1; i <= 4; i++) {
        String line = a.text("AddressLine" + i);
        if (line != null) {
          lines.add(line);
        }
      }
      String country = a.text("AddressCountry");
      String postal = a.text("AddressPostalCode");
      String street = lines.isEmpty() ? null : String.join(", ", lines);
      String region = a.text("AddressLine5");
      String city = a.text("AddressLine6");
      if (Address.hasContent(street, city, region, postal)) {
        b.address(
            Address.of(
                street, city, region, postal, country == null ? null : CountryRef.of(country)));
      } else if (country != null) {
        b.country(country);
      }
    }
    r.descendants("PhoneNumber").forEach(e -> b.property("phone", e.cleanText()));
    for (XmlElement e : r.descendants("EmailAddress")) {
      // Several addresses are sometimes written in one element, separated by ";" or spaces.
      if (e.cleanText() != null) {
        for (String email : e.cleanText().split("[;\\s]+")) {
          b.property("email", email);
        }
      }
    }
    r.descendants("Website").forEach(e -> b.property("website", e.cleanText()));
    individual(r.child("IndividualDetails"), b);
    XmlElement entity = r.child("EntityDetails");
    if (entity != null) {
      entity.descendants("TypeOfEntity").forEach(e -> b.property("legalForm", e.cleanText()));
      entity
          .descendants("BusinessRegistrationNumber")
          .forEach(e -> {
            if (e.cleanText() != null) {
              b.identifier(
                  new Identifier(
                      IdentifierType.REGISTRATION,
                      "Business Registration Number",
                      e.cleanText(),
                      null,
                      null));
            }
          });
      entity.descendants("ParentCompany").forEach(e -> b.property("parent", e.cleanText()));
      entity.descendants("Subsidiary").forEach(e -> b.property("subsidiaries", e.cleanText()));
    }
    XmlElement ship = r.child("ShipDetails");
    if (ship != null) {
      ship.descendants("IMONumber")
          .forEach(e -> {
            String imo = e.cleanText();
            if (imo != null) {
              b.identifier(
                  new Identifier(
                      IdentifierType.IMO, "IMO", imo.replaceFirst("(?i)^IMO\\s*", ""), null, null));
            }
          });
      ship.descendants("HullIdentificationNumber")
          .forEach(e -> b.property("hullIdentificationNumber", e.cleanText()));
      ship.descendants("CurrentOwnerOperator").forEach(e -> b.property("owner", e.cleanText()));
      ship.descendants("CurrentBelievedFlagOfShip").forEach(e -> b.property("flag", e.cleanText()));
      ship.descendants("PreviousFlag").forEach(e -> b.property("pastFlags", e.cleanText()));
      ship.descendants("TypeOfShip").forEach(e -> b.property("vesselType", e.cleanText()));
      ship.descendants("TonnageOfShip").forEach(e -> b.property("tonnage", e.cleanText()));
      ship.descendants("LengthOfShip").forEach(e -> b.property("length", e.cleanText()));
      ship.descendants("YearBuilt").forEach(e -> b.property("buildDate", e.cleanText()));
    }
    return b.build();
  }

  private static void name(XmlElement n, EntityType type, ListedEntity.Builder b) {
    List<String> parts = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      String part = n.text("Name" + i);
      if (part != null) {
        parts.add(part);
      }
    }
    if (parts.isEmpty() && n.text("Name") == null) {
      return;
    }
    String nameType = n.text("NameType") == null ? "" : n.text("NameType").toLowerCase(Locale.ROOT);
    String strengthText = n.text("AliasStrength");
    NameStrength strength =
        strengthText != null && strengthText.toLowerCase(Locale.ROOT).startsWith("low")
            ? NameStrength.WEAK
            : NameStrength.STRONG;
    NameParts nameParts = NameParts.NONE;
    if (type == EntityType.PERSON) {
      List<String> middle = new ArrayList<>();
      for (int i = 2; i <= 5; i++) {
        if (n.text("Name" + i) != null) {
          middle.add(n.text("Name" + i));
        }
      }
      nameParts =
          NameParts.of(
              n.text("Name1"), middle.isEmpty() ? null : String.join(" ", middle), n.text("Name6"));
    }
    NameKind kind = nameType.equals("primary name") ? NameKind.PRIMARY : NameKind.ALIAS;
    // Some designations also give the whole name in a <Name> child; prefer it as printed.
    String full = n.text("Name") != null ? n.text("Name") : String.join(" ", parts);
    Name name = new Name(full, strength, kind, null, null, nameParts);
    if (kind == NameKind.PRIMARY && !b.hasName()) {
      b.name(name);
    } else {
      b.alias(name.withKind(NameKind.ALIAS));
    }
  }

  private static void individual(XmlElement details, ListedEntity.Builder b) {
    if (details == null) {
      return;
    }
    details
        .descendants("DOB")
        .forEach(e -> {
          if (e.cleanText() != null) {
            b.birthDate(BirthDate.parse(e.cleanText()));
          }
        });
    details.descendants("Nationality").forEach(e -> b.nationality(e.cleanText()));
    details.descendants("Gender").forEach(e -> b.gender(Gender.parse(e.cleanText())));
    details.descendants("Position").forEach(e -> b.position(e.cleanText()));
    for (XmlElement p : details.descendants("Passport")) {
      String number = p.text("PassportNumber");
      if (number != null) {
        b.identifier(
            new Identifier(
                IdentifierType.PASSPORT,
                "Passport",
                number,
                null,
                p.text("PassportAdditionalInformation")));
      }
    }
    for (XmlElement p : details.descendants("NationalIdentifier")) {
      String number = p.text("NationalIdentifierNumber");
      if (number != null) {
        b.identifier(
            new Identifier(
                IdentifierType.NATIONAL_ID,
                "National Identifier",
                number,
                null,
                p.text("NationalIdentifierAdditionalInformation")));
      }
    }
    for (XmlElement l : details.descendants("Location")) {
      List<String> place = new ArrayList<>();
      for (String tag : List.of("TownOfBirth", "CountryOfBirth")) {
        if (l.text(tag) != null) {
          place.add(l.text(tag));
        }
      }
      if (!place.isEmpty()) {
        b.placeOfBirth(String.join(", ", place));
      }
    }
  }
}
