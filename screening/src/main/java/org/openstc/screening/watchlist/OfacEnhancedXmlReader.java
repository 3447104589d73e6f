package org.openstc.screening.watchlist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads OFAC's enhanced XML ({@code sanctionsData}, usually zipped as published): entities with
 * names in several scripts and their parts, low-quality flags, typed features (birth dates with
 * ranges, nationality, vessel data), identity documents, addresses and relationships.
 */
final class OfacEnhancedXmlReader implements ListReader {

  private static final Set<String> RECORDS = Set.of("entity", "publicationInfo");
  private static final String URL = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=";

  @Override
  public void read(ListInput input, String source, Tally sink) {
    try (XmlRecordStream xml = new XmlRecordStream(input, "sanctionsData")) {
      XmlElement r;
      while ((r = xml.next(RECORDS)) != null) {
        if (r.name().equals("publicationInfo")) {
          sink.publicationDate(Dates.iso(r.text("dataAsOf")));
          continue;
        }
        try {
          sink.accept(entity(r, source));
        } catch (IllegalArgumentException | IllegalStateException e) {
          throw new WatchlistFormatException(
              input.name(), r.line(), "<entity> " + e.getMessage(), e);
        }
      }
    }
  }

  private static ListedEntity entity(XmlElement r, String source) {
    String id = r.attr("id");
    if (id == null) {
      throw new IllegalArgumentException("without id attribute");
    }
    XmlElement info = r.child("generalInfo");
    EntityType type = OfacLegacyCsvReader.type(info == null ? null : info.text("entityType"));
    ListedEntity.Builder b = ListedEntity.builder(EntityId.of(id), type, source);
    b.sourceEntryId(id).url(URL + id);
    if (info != null) {
      b.remarks(info.text("remarks"));
      b.title(info.text("title"));
      b.property("identityId", info.text("identityId"));
    }
    for (XmlElement list : r.descendants("sanctionsList")) {
      b.listedOn(Dates.iso(list.attr("datePublished")));
      b.property("sanctionsList", list.cleanText());
    }
    for (XmlElement p : r.descendants("sanctionsProgram")) {
      b.programme(p.cleanText());
    }
    for (XmlElement a : r.descendants("legalAuthority")) {
      b.property("legalAuthority", a.cleanText());
    }
    XmlElement names = r.child("names");
    if (names != null) {
      for (XmlElement n : names.children("name")) {
        names(n, type, b);
      }
    }
    XmlElement addresses = r.child("addresses");
    if (addresses != null) {
      for (XmlElement a : addresses.children("address")) {
        address(a, b);
      }
    }
    XmlElement features = r.child("features");
    if (features != null) {
      for (XmlElement f : features.children("feature")) {
        feature(f, b);
      }
    }
    for (XmlElement d : r.descendants("identityDocument")) {
      List<String> notes = new ArrayList<>();
      if (d.text("issueDate") != null) {
        notes.add("issued " + d.text("issueDate"));
      }
      if (d.text("expirationDate") != null) {
        notes.add("expires " + d.text("expirationDate"));
      }
      if ("false".equals(d.text("isValid"))) {
        notes.add("not valid");
      }
      OfacRemarks.applyTyped(
          d.text("type"),
          d.text("documentNumber"),
          d.text("issuingCountry"),
          notes.isEmpty() ? null : String.join("; ", notes),
          b);
    }
    for (XmlElement rel : r.descendants("relationship")) {
      XmlElement related = rel.child("relatedEntity");
      if (related != null && related.cleanText() != null) {
        b.property("linkedTo", related.cleanText());
      }
    }
    return b.build();
  }

  private static void names(XmlElement n, EntityType type, ListedEntity.Builder b) {
    boolean primary = "true".equals(n.text("isPrimary"));
    boolean weak = "true".equals(n.text("isLowQuality"));
    String aliasType = n.text("aliasType");
    NameKind kind =
        primary
            ? NameKind.PRIMARY
            : aliasType != null && aliasType.toUpperCase(Locale.ROOT).startsWith("F.K.A")
                ? NameKind.FORMERLY_KNOWN_AS
                : NameKind.ALIAS;
    for (XmlElement t : n.descendants("translation")) {
      String full = t.text("formattedFullName");
      if (full == null) {
        continue;
      }
      boolean primaryTranslation = "true".equals(t.text("isPrimary"));
      String script = t.text("script");
      boolean latin = script == null || script.equalsIgnoreCase("Latin");
      NameParts parts = NameParts.NONE;
      if (type == EntityType.PERSON) {
        String given = t.text("formattedFirstName");
        String family = t.text("formattedLastName");
        String middle = null;
        String patronymic = null;
        for (XmlElement part : t.descendants("namePart")) {
          String partType = part.text("type");
          if ("Middle Name".equalsIgnoreCase(partType)) {
            middle = part.text("value");
          } else if ("Patronymic".equalsIgnoreCase(partType)) {
            patronymic = part.text("value");
          }
        }
        parts = new NameParts(given, middle, family, patronymic, null, null);
      }
      NameKind translationKind = latin ? kind : NameKind.ORIGINAL_SCRIPT;
      if (primary && primaryTranslation && latin) {
        translationKind = NameKind.PRIMARY;
      } else if (translationKind == NameKind.PRIMARY) {
        translationKind = NameKind.ALIAS;
      }
      Name name =
          new Name(
              full,
              weak ? NameStrength.WEAK : NameStrength.STRONG,
              translationKind,
              latin ? null : Scripts.detect(full),
              null,
              parts);
      if (translationKind == NameKind.PRIMARY) {
        b.name(name);
      } else {
        b.alias(name);
      }
    }
  }

  private static void address(XmlElement a, ListedEntity.Builder b) {
    String country = a.text("country");
    List<String> street = new ArrayList<>();
    String city = null;
    String region = null;
    String postal = null;
    XmlElement translation = a.descendants("translation").stream().findFirst().orElse(null);
    if (translation != null) {
      for (XmlElement part : translation.descendants("addressPart")) {
        String partType = part.text("type");
        String value = part.text("value");
        if (partType == null || value == null) {
          continue;
        }
        switch (partType.toUpperCase(Locale.ROOT)) {
          case "CITY" -> city = value;
          case "STATE/PROVINCE", "REGION" -> region = value;
          case "POSTAL CODE" -> postal = value;
          default -> street.add(value);
        }
      }
    }
    String streetText = street.isEmpty() ? null : String.join(", ", street);
    if (Address.hasContent(streetText, city, region, postal, country)) {
      b.address(
          Address.of(
              streetText, city, region, postal, country == null ? null : CountryRef.of(country)));
    }
  }

  private static void feature(XmlElement f, ListedEntity.Builder b) {
    String type = f.text("type");
    String value = f.text("value");
    if (type == null) {
      return;
    }
    XmlElement date = f.child("valueDate");
    BirthDate birth = date == null ? null : bounds(date);
    applyFeature(type, value, birth, b);
  }

  /**
   * Applies one OFAC feature (shared by the enhanced and advanced formats): a type name, its text
   * value and, for dates, the period it stands for.
   */
  static void applyFeature(String type, String value, BirthDate period, ListedEntity.Builder b) {
    switch (type) {
      case "Birthdate" -> {
        BirthDate birth = period;
        if (birth == null && value != null) {
          birth = BirthDate.parse(value);
        }
        b.birthDate(birth);
      }
      case "Place of Birth" -> b.placeOfBirth(value);
      case "Nationality Country" -> b.nationality(value);
      case "Citizenship Country" -> b.citizenship(value);
      case "Gender" -> b.gender(Gender.parse(value));
      case "VESSEL FLAG", "Vessel Flag" -> b.property("flag", value);
      case "Vessel Call Sign" ->
          b.identifier(
              value == null
                  ? null
                  : new Identifier(IdentifierType.CALL_SIGN, type, value, null, null));
      case "VESSEL TYPE", "Vessel Type" -> b.property("vesselType", value);
      case "Vessel Tonnage" -> b.property("tonnage", value);
      case "Vessel Gross Registered Tonnage" -> b.property("grossRegisteredTonnage", value);
      case "Vessel Owner" -> b.property("owner", value);
      case "Title" -> b.title(value);
      case "Location" -> b.country(value);
      default -> {
        String text = value;
        if (text == null && period != null && period.earliest() != null) {
          text = period.earliest().toString();
        }
        OfacRemarks.applyTyped(type.replaceAll("[:\\s-]+$", ""), text, null, null, b);
      }
    }
  }

  private static BirthDate bounds(XmlElement d) {
    LocalDate from = Dates.iso(d.text("fromDateBegin"));
    LocalDate to = Dates.iso(d.text("toDateEnd"));
    if (from == null || to == null || to.isBefore(from)) {
      return null;
    }
    BirthDate birth = BirthDate.within(from, to);
    return "true".equals(d.text("isApproximate")) ? birth.approximately() : birth;
  }
}
