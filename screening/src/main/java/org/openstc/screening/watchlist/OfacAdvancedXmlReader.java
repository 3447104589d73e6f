package org.openstc.screening.watchlist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads OFAC's advanced XML ({@code Sanctions}, the sdn_advanced.xsd schema of the Sanctions List
 * Service). The format is relational: reference values, locations and ID documents come first,
 * parties refer to them, and sanctions entries (programmes, listing dates) come last. So parties
 * are held until the entries are read; memory grows with the list, not with the file's verbosity.
 */
final class OfacAdvancedXmlReader implements ListReader {

  private static final Set<String> RECORDS =
      Set.of(
          "DateOfIssue",
          "ReferenceValueSets",
          "Location",
          "IDRegDocument",
          "DistinctParty",
          "SanctionsEntry");
  private static final String URL = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=";

  /**
   * Reference values by element name and ID, e.g. refs.get("FeatureType").get("8") = "Birthdate".
   */
  private final Map<String, Map<String, XmlElement>> refs = new HashMap<>();

  private final Map<String, Address> locations = new HashMap<>();
  private final Map<String, List<Identifier>> documents = new HashMap<>();
  private final Map<String, ListedEntity.Builder> parties = new LinkedHashMap<>();

  @Override
  public void read(ListInput input, String source, Tally sink) {
    try (XmlRecordStream xml = new XmlRecordStream(input, "Sanctions")) {
      XmlElement r;
      while ((r = xml.next(RECORDS)) != null) {
        try {
          switch (r.name()) {
            case "DateOfIssue" -> sink.publicationDate(date(r));
            case "ReferenceValueSets" -> references(r);
            case "Location" -> location(r);
            case "IDRegDocument" -> document(r);
            case "DistinctParty" -> party(r, source);
            case "SanctionsEntry" -> entry(r);
            default -> {}
          }
        } catch (IllegalArgumentException | IllegalStateException e) {
          throw new WatchlistFormatException(
              input.name(), r.line(), "<" + r.name() + "> " + e.getMessage(), e);
        }
      }
      for (Map.Entry<String, ListedEntity.Builder> party : parties.entrySet()) {
        try {
          sink.accept(party.getValue().build());
        } catch (IllegalStateException e) {
          throw new WatchlistFormatException(
              input.name(), 0, "party " + party.getKey() + ": " + e.getMessage(), e);
        }
      }
    }
  }

  private void references(XmlElement sets) {
    for (XmlElement set : sets.children()) {
      for (XmlElement value : set.children()) {
        String id = value.attr("ID");
        if (id != null) {
          refs.computeIfAbsent(value.name(), k -> new HashMap<>()).put(id, value);
        }
      }
    }
  }

  private String ref(String kind, String id) {
    if (id == null) {
      return null;
    }
    XmlElement value = refs.getOrDefault(kind, Map.of()).get(id);
    return value == null ? null : value.cleanText();
  }

  private CountryRef country(String countryId) {
    XmlElement country =
        countryId == null ? null : refs.getOrDefault("Country", Map.of()).get(countryId);
    if (country == null) {
      return null;
    }
    return CountryRef.ofCode(country.attr("ISO2"), country.cleanText());
  }

  private void location(XmlElement l) {
    List<String> street = new ArrayList<>();
    String city = null;
    String region = null;
    String postal = null;
    for (XmlElement part : l.children("LocationPart")) {
      String type = ref("LocPartType", part.attr("LocPartTypeID"));
      XmlElement value =
          part.children("LocationPartValue").stream()
              .filter(v -> !"false".equals(v.attr("Primary")))
              .findFirst()
              .orElse(part.child("LocationPartValue"));
      String text = value == null ? null : value.text("Value");
      if (text == null || type == null) {
        continue;
      }
      switch (type.toUpperCase(Locale.ROOT)) {
        case "CITY" -> city = text;
        case "STATE/PROVINCE", "REGION" -> region = region == null ? text : region + ", " + text;
        case "POSTAL CODE" -> postal = text;
        default -> street.add(text);
      }
    }
    XmlElement countryElement = l.child("LocationCountry");
    CountryRef country = countryElement == null ? null : country(countryElement.attr("CountryID"));
    if (country == null && l.child("LocationAreaCode") != null) {
      XmlElement area =
          refs.getOrDefault("AreaCode", Map.of())
              .get(l.child("LocationAreaCode").attr("AreaCodeID"));
      if (area != null
          && area.attr("Description") != null
          && !area.attr("Description").equalsIgnoreCase("undetermined")) {
        country = CountryRef.of(area.attr("Description"));
      }
    }
    String streetText = street.isEmpty() ? null : String.join(", ", street);
    if (Address.hasContent(streetText, city, region, postal) || country != null) {
      locations.put(l.attr("ID"), Address.of(streetText, city, region, postal, country));
    }
  }

  private void document(XmlElement d) {
    String number = d.text("IDRegistrationNo");
    String identity = d.attr("IdentityID");
    if (number == null || identity == null) {
      return;
    }
    String label = ref("IDRegDocType", d.attr("IDRegDocTypeID"));
    List<String> notes = new ArrayList<>();
    for (XmlElement date : d.children("DocumentDate")) {
      String kind = ref("IDRegDocDateType", date.attr("IDRegDocDateTypeID"));
      XmlElement period = date.child("DatePeriod");
      XmlElement start = period == null ? null : period.child("Start");
      XmlElement from = start == null ? null : start.child("From");
      LocalDate day = from == null ? null : date(from);
      if (day != null) {
        notes.add((kind == null ? "date" : kind.toLowerCase(Locale.ROOT)) + " " + day);
      }
    }
    if (d.text("IssuingAuthority") != null) {
      notes.add("issued by " + d.text("IssuingAuthority"));
    }
    documents
        .computeIfAbsent(identity, k -> new ArrayList<>())
        .add(
            new Identifier(
                IdentifierType.classify(label),
                label,
                number,
                country(d.attr("IssuedBy-CountryID")),
                notes.isEmpty() ? null : String.join("; ", notes)));
  }

  private void party(XmlElement p, String source) {
    XmlElement profile = p.child("Profile");
    if (profile == null || profile.attr("ID") == null) {
      throw new IllegalArgumentException("without <Profile ID>");
    }
    String id = profile.attr("ID");
    EntityType type = partyType(profile.attr("PartySubTypeID"));
    ListedEntity.Builder b = ListedEntity.builder(EntityId.of(id), type, source);
    b.sourceEntryId(p.attr("FixedRef") != null ? p.attr("FixedRef") : id).url(URL + id);
    b.remarks(p.text("Comment"));
    for (XmlElement identity : profile.children("Identity")) {
      Map<String, String> groupTypes = new HashMap<>();
      for (XmlElement group : identity.descendants("NamePartGroup")) {
        groupTypes.put(group.attr("ID"), ref("NamePartType", group.attr("NamePartTypeID")));
      }
      for (XmlElement alias : identity.children("Alias")) {
        alias(alias, groupTypes, type, b);
      }
      for (Identifier document : documents.getOrDefault(identity.attr("ID"), List.of())) {
        // Typed rows such as "Vessel Registration Identification" or "Gender" mean more than an ID.
        OfacRemarks.applyTyped(
            document.label(),
            document.value(),
            document.issuingCountry() == null ? null : document.issuingCountry().raw(),
            document.note(),
            b);
      }
    }
    for (XmlElement feature : profile.children("Feature")) {
      feature(feature, b);
    }
    parties.put(id, b);
  }

  private void alias(
      XmlElement alias, Map<String, String> groupTypes, EntityType type, ListedEntity.Builder b) {
    String aliasType = ref("AliasType", alias.attr("AliasTypeID"));
    boolean primary = "true".equals(alias.attr("Primary"));
    NameStrength strength =
        "true".equals(alias.attr("LowQuality")) ? NameStrength.WEAK : NameStrength.STRONG;
    NameKind kind =
        primary
            ? NameKind.PRIMARY
            : aliasType != null && aliasType.toUpperCase(Locale.ROOT).startsWith("F.K.A")
                ? NameKind.FORMERLY_KNOWN_AS
                : NameKind.ALIAS;
    for (XmlElement documented : alias.children("DocumentedName")) {
      Map<String, String> parts = new LinkedHashMap<>();
      String script = null;
      List<String> ordered = new ArrayList<>();
      for (XmlElement part : documented.children("DocumentedNamePart")) {
        XmlElement value = part.child("NamePartValue");
        if (value == null || value.cleanText() == null) {
          continue;
        }
        String partType = groupTypes.getOrDefault(value.attr("NamePartGroupID"), "");
        parts.merge(partType, value.cleanText(), (a, c) -> a + " " + c);
        ordered.add(value.cleanText());
        if (script == null) {
          script = ref("Script", value.attr("ScriptID"));
        }
      }
      if (ordered.isEmpty()) {
        continue;
      }
      String last = parts.get("Last Name");
      List<String> rest = new ArrayList<>();
      for (Map.Entry<String, String> part : parts.entrySet()) {
        if (!part.getKey().equals("Last Name")) {
          rest.add(part.getValue());
        }
      }
      // OFAC prints persons as "LAST, First Middle"; other parties as their name parts in order.
      String full =
          last != null && !rest.isEmpty()
              ? last + ", " + String.join(" ", rest)
              : String.join(" ", ordered);
      boolean latin = script == null || script.equalsIgnoreCase("Latin");
      NameParts nameParts =
          type == EntityType.PERSON
              ? new NameParts(
                  parts.get("First Name"),
                  parts.get("Middle Name"),
                  last,
                  parts.get("Patronymic"),
                  parts.get("Matronymic"),
                  null)
              : NameParts.NONE;
      NameKind nameKind = latin ? kind : NameKind.ORIGINAL_SCRIPT;
      Name name =
          new Name(full, strength, nameKind, latin ? null : Scripts.detect(full), null, nameParts);
      if (nameKind == NameKind.PRIMARY && !b.hasName()) {
        b.name(name);
      } else {
        b.alias(nameKind == NameKind.PRIMARY ? name.withKind(NameKind.ALIAS) : name);
      }
    }
  }

  private void feature(XmlElement feature, ListedEntity.Builder b) {
    String type = ref("FeatureType", feature.attr("FeatureTypeID"));
    if (type == null) {
      return;
    }
    for (XmlElement version : feature.children("FeatureVersion")) {
      BirthDate period = null;
      XmlElement datePeriod = version.child("DatePeriod");
      if (datePeriod != null) {
        period = period(datePeriod);
      }
      String text = null;
      XmlElement detail = version.child("VersionDetail");
      if (detail != null) {
        text =
            detail.cleanText() != null
                ? detail.cleanText()
                : ref("DetailReference", detail.attr("DetailReferenceID"));
      }
      XmlElement location = version.child("VersionLocation");
      if (location != null) {
        Address address = locations.get(location.attr("LocationID"));
        if (address != null) {
          if (type.equals("Location") || type.equals("Address")) {
            if (address.street() != null || address.city() != null || address.region() != null) {
              b.address(address);
            } else {
              b.country(address.country());
            }
            continue;
          }
          text =
              address.street() == null
                      && address.city() == null
                      && address.region() == null
                      && address.country() != null
                  ? address.country().raw()
                  : address.full();
        }
      }
      OfacEnhancedXmlReader.applyFeature(type, text, period, b);
    }
  }

  private static BirthDate period(XmlElement datePeriod) {
    XmlElement start = datePeriod.child("Start");
    XmlElement end = datePeriod.child("End");
    LocalDate from =
        start == null || start.child("From") == null ? null : date(start.child("From"));
    LocalDate to = end == null || end.child("To") == null ? null : date(end.child("To"));
    if (from == null || to == null || to.isBefore(from)) {
      return null;
    }
    BirthDate birth = BirthDate.within(from, to);
    return "true".equals(start.attr("Approximate")) ? birth.approximately() : birth;
  }

  private void entry(XmlElement e) {
    ListedEntity.Builder b = parties.get(e.attr("ProfileID"));
    if (b == null) {
      return;
    }
    b.property("sanctionsList", ref("List", e.attr("ListID")));
    for (XmlElement event : e.children("EntryEvent")) {
      XmlElement date = event.child("Date");
      if (date != null) {
        b.listedOn(date(date));
      }
      b.property("legalBasis", ref("LegalBasis", event.attr("LegalBasisID")));
    }
    for (XmlElement measure : e.children("SanctionsMeasure")) {
      String measureType = ref("SanctionsType", measure.attr("SanctionsTypeID"));
      String comment = measure.text("Comment");
      if ("Program".equalsIgnoreCase(measureType) && comment != null) {
        b.programme(comment);
      } else if (measureType != null) {
        b.property("sanctionsType", measureType);
      }
    }
  }

  private EntityType partyType(String subTypeId) {
    XmlElement subType =
        subTypeId == null ? null : refs.getOrDefault("PartySubType", Map.of()).get(subTypeId);
    if (subType == null) {
      return EntityType.UNKNOWN;
    }
    String sub = subType.cleanText() == null ? "" : subType.cleanText().toLowerCase(Locale.ROOT);
    if (sub.equals("vessel")) {
      return EntityType.VESSEL;
    }
    if (sub.equals("aircraft")) {
      return EntityType.AIRCRAFT;
    }
    String party = ref("PartyType", subType.attr("PartyTypeID"));
    if (party == null) {
      return EntityType.UNKNOWN;
    }
    return switch (party.toLowerCase(Locale.ROOT)) {
      case "individual" -> EntityType.PERSON;
      case "entity" -> EntityType.ORGANISATION;
      default -> EntityType.UNKNOWN;
    };
  }

  private static LocalDate date(XmlElement e) {
    try {
      return LocalDate.of(
          Integer.parseInt(e.text("Year")),
          Integer.parseInt(e.text("Month")),
          Integer.parseInt(e.text("Day")));
    } catch (RuntimeException ex) {
      return null;
    }
  }
}
