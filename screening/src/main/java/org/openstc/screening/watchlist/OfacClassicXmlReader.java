package org.openstc.screening.watchlist;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads OFAC's classic XML ({@code sdnList}, the SDN.XML / CONSOLIDATED.XML schema): entries with
 * typed aliases (strong or weak), IDs, addresses, nationalities, dates and places of birth and
 * vessel information.
 */
final class OfacClassicXmlReader implements ListReader {

  private static final Set<String> RECORDS = Set.of("sdnEntry", "publshInformation");
  private static final String URL = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=";

  @Override
  public void read(ListInput input, String source, Tally sink) {
    try (XmlRecordStream xml = new XmlRecordStream(input, "sdnList")) {
      XmlElement r;
      while ((r = xml.next(RECORDS)) != null) {
        if (r.name().equals("publshInformation")) {
          sink.publicationDate(Dates.us(r.text("Publish_Date")));
          continue;
        }
        try {
          sink.accept(entity(r, source));
        } catch (IllegalArgumentException | IllegalStateException e) {
          throw new WatchlistFormatException(
              input.name(), r.line(), "<sdnEntry> " + e.getMessage(), e);
        }
      }
    }
  }

  private static ListedEntity entity(XmlElement r, String source) {
    String uid = r.text("uid");
    if (uid == null) {
      throw new IllegalArgumentException("without <uid>");
    }
    EntityType type = OfacLegacyCsvReader.type(r.text("sdnType"));
    ListedEntity.Builder b = ListedEntity.builder(EntityId.of(uid), type, source);
    b.sourceEntryId(uid).url(URL + uid);
    b.name(name(r, type, NameKind.PRIMARY, NameStrength.STRONG));
    for (XmlElement aka : r.descendants("aka")) {
      NameKind kind =
          "f.k.a.".equalsIgnoreCase(aka.text("type")) ? NameKind.FORMERLY_KNOWN_AS : NameKind.ALIAS;
      NameStrength strength =
          "weak".equalsIgnoreCase(aka.text("category")) ? NameStrength.WEAK : NameStrength.STRONG;
      b.alias(name(aka, type, kind, strength));
    }
    b.position(r.text("title"));
    for (XmlElement program : r.descendants("program")) {
      b.programme(program.cleanText());
    }
    for (XmlElement id : r.descendants("id")) {
      List<String> notes = new ArrayList<>();
      if (id.text("issueDate") != null) {
        notes.add("issued " + id.text("issueDate"));
      }
      if (id.text("expirationDate") != null) {
        notes.add("expires " + id.text("expirationDate"));
      }
      OfacRemarks.applyTyped(
          id.text("idType"),
          id.text("idNumber"),
          id.text("idCountry"),
          notes.isEmpty() ? null : String.join("; ", notes),
          b);
    }
    for (XmlElement a : r.descendants("address")) {
      String street = join(a.text("address1"), a.text("address2"), a.text("address3"));
      String country = a.text("country");
      if (Address.hasContent(
          street, a.text("city"), a.text("stateOrProvince"), a.text("postalCode"), country)) {
        b.address(
            Address.of(
                street,
                a.text("city"),
                a.text("stateOrProvince"),
                a.text("postalCode"),
                country == null ? null : CountryRef.of(country)));
      }
    }
    for (XmlElement n : r.descendants("nationality")) {
      b.nationality(n.text("country"));
    }
    for (XmlElement c : r.descendants("citizenship")) {
      b.citizenship(c.text("country"));
    }
    for (XmlElement d : r.descendants("dateOfBirthItem")) {
      if (d.text("dateOfBirth") != null) {
        b.birthDate(BirthDate.parse(d.text("dateOfBirth")));
      }
    }
    for (XmlElement p : r.descendants("placeOfBirthItem")) {
      b.placeOfBirth(p.text("placeOfBirth"));
    }
    XmlElement vessel = r.child("vesselInfo");
    if (vessel != null) {
      String callSign = vessel.text("callSign");
      if (callSign != null) {
        b.identifier(new Identifier(IdentifierType.CALL_SIGN, "Call Sign", callSign, null, null));
      }
      b.property("vesselType", vessel.text("vesselType"));
      b.property("flag", vessel.text("vesselFlag"));
      b.property("owner", vessel.text("vesselOwner"));
      b.property("tonnage", vessel.text("tonnage"));
      b.property("grossRegisteredTonnage", vessel.text("grossRegisteredTonnage"));
    }
    String remarks = r.text("remarks");
    b.remarks(remarks);
    OfacRemarks.apply(remarks, b);
    return b.build();
  }

  private static Name name(XmlElement e, EntityType type, NameKind kind, NameStrength strength) {
    String last = e.text("lastName");
    String first = e.text("firstName");
    String full = first == null ? last : last == null ? first : last + ", " + first;
    if (full == null) {
      return null;
    }
    NameParts parts = type == EntityType.PERSON ? NameParts.of(first, null, last) : NameParts.NONE;
    return new Name(full, strength, kind, null, null, parts);
  }

  private static String join(String... parts) {
    List<String> present = new ArrayList<>();
    for (String p : parts) {
      if (p != null) {
        present.add(p);
      }
    }
    return present.isEmpty() ? null : String.join(", ", present);
  }
}
