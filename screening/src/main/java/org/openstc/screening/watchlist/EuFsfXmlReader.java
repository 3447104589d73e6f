package org.openstc.screening.watchlist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the EU Financial Sanctions Files full XML 1.1 ({@code export} / {@code sanctionEntity},
 * namespace {@code http://eu.europa.ec/fpi/fsd/export}): name aliases with their strength,
 * language, function, title and gender; citizenships; birth dates (exact, partial, year ranges,
 * circa) with places; addresses with contact information; identification documents; regulations
 * (programme, publication URL) and remarks.
 */
final class EuFsfXmlReader implements ListReader {

  private static final Set<String> RECORDS = Set.of("sanctionEntity");

  @Override
  public void read(ListInput input, String source, Tally sink) {
    try (XmlRecordStream xml = new XmlRecordStream(input, "export")) {
      XmlElement r;
      while ((r = xml.next(RECORDS)) != null) {
        sink.publicationDate(Dates.iso(xml.rootAttribute("generationDate")));
        try {
          sink.accept(entity(r, source));
        } catch (IllegalArgumentException | IllegalStateException e) {
          throw new WatchlistFormatException(
              input.name(), r.line(), "<sanctionEntity> " + e.getMessage(), e);
        }
      }
      sink.publicationDate(Dates.iso(xml.rootAttribute("generationDate")));
    }
  }

  private static ListedEntity entity(XmlElement r, String source) {
    String logicalId = r.attr("logicalId");
    String reference = r.attr("euReferenceNumber");
    if (logicalId == null && reference == null) {
      throw new IllegalArgumentException("without logicalId or euReferenceNumber");
    }
    XmlElement subject = r.child("subjectType");
    String code = subject == null ? null : subject.attr("code");
    EntityType type =
        code == null
            ? EntityType.UNKNOWN
            : switch (code.toLowerCase(Locale.ROOT)) {
              case "person" -> EntityType.PERSON;
              case "enterprise" -> EntityType.ORGANISATION;
              case "vessel" -> EntityType.VESSEL;
              case "aircraft" -> EntityType.AIRCRAFT;
              default -> EntityType.UNKNOWN;
            };
    ListedEntity.Builder b =
        ListedEntity.builder(EntityId.of(logicalId != null ? logicalId : reference), type, source);
    b.sourceEntryId(reference);
    b.property("unitedNationId", r.attr("unitedNationId"));
    b.property("designationDetails", r.attr("designationDetails"));
    b.listedOn(Dates.iso(r.attr("designationDate")));
    for (String remark : r.texts("remark")) {
      b.remarks(remark);
    }
    for (XmlElement regulation : r.children("regulation")) {
      b.programme(regulation.attr("programme"));
      b.property("regulation", regulation.attr("numberTitle"));
      if (r.attr("designationDate") == null) {
        LocalDate published = Dates.iso(regulation.attr("publicationDate"));
        b.listedOn(published);
      }
      String url = regulation.text("publicationUrl");
      if (url != null) {
        b.url(url);
      }
    }
    names(r.children("nameAlias"), type, b);
    for (XmlElement c : r.children("citizenship")) {
      b.citizenship(country(c));
    }
    for (XmlElement d : r.children("birthdate")) {
      BirthDate birth = birthDate(d);
      if (birth != null) {
        b.birthDate(birth);
      }
      String place =
          join(
              d.attr("place"),
              dash(d.attr("city")),
              d.attr("region"),
              country(d) == null ? null : country(d).raw());
      b.placeOfBirth(place);
    }
    for (XmlElement a : r.children("address")) {
      String street =
          join(a.attr("street"), a.attr("poBox") == null ? null : "PO Box " + a.attr("poBox"));
      CountryRef country = country(a);
      String city = join(a.attr("city"), a.attr("place"));
      if (Address.hasContent(street, city, a.attr("region"), a.attr("zipCode"))) {
        b.address(Address.of(street, city, a.attr("region"), a.attr("zipCode"), country));
      } else if (country != null) {
        b.country(country);
      }
      for (XmlElement contact : a.children("contactInfo")) {
        String key = contact.attr("key");
        String value = contact.attr("value");
        if (key != null && value != null) {
          String property =
              switch (key.toUpperCase(Locale.ROOT)) {
                case "WEB" -> "website";
                case "PHONE" -> "phone";
                case "EMAIL" -> "email";
                case "FAX" -> "fax";
                default -> "contact:" + key;
              };
          // One contactInfo may hold several numbers or addresses: "+98 21 1; +98 21 2".
          for (String item : value.split("[;,]")) {
            b.property(property, item);
          }
        }
      }
      for (String remark : a.texts("remark")) {
        b.property("addressRemark", remark);
      }
    }
    for (XmlElement id : r.children("identification")) {
      String number = id.attr("number");
      if (number == null) {
        number = id.attr("latinNumber");
      }
      if (number == null) {
        continue;
      }
      String typeCode = id.attr("identificationTypeCode");
      String label = id.attr("identificationTypeDescription");
      List<String> notes = new ArrayList<>();
      for (String flag :
          List.of("diplomatic", "knownExpired", "knownFalse", "reportedLost", "revokedByIssuer")) {
        if ("true".equals(id.attr(flag))) {
          notes.add(flag);
        }
      }
      if (id.attr("issuedBy") != null) {
        notes.add("issued by " + id.attr("issuedBy"));
      }
      if (id.attr("nameOnDocument") != null) {
        notes.add("name on document: " + id.attr("nameOnDocument"));
      }
      if (id.attr("issueDate") != null) {
        notes.add("issued " + id.attr("issueDate"));
      }
      notes.addAll(id.texts("remark"));
      b.identifier(
          new Identifier(
              identifierType(typeCode, label),
              label != null ? label : typeCode,
              number,
              country(id),
              notes.isEmpty() ? null : String.join("; ", notes)));
    }
    return b.build();
  }

  private static void names(List<XmlElement> aliases, EntityType type, ListedEntity.Builder b) {
    // The EU file marks no primary name: prefer a strong Latin name given in parts, in English.
    XmlElement primary = null;
    int best = -1;
    for (XmlElement a : aliases) {
      String whole = a.attr("wholeName");
      if ("false".equals(a.attr("strong"))
          || whole == null
          || !"Latn".equals(Scripts.detect(whole))) {
        continue;
      }
      String language = a.attr("nameLanguage");
      int score =
          (a.attr("lastName") != null || a.attr("firstName") != null ? 2 : 0)
              + (language == null || language.equalsIgnoreCase("EN") ? 1 : 0);
      if (score > best) {
        best = score;
        primary = a;
      }
    }
    for (XmlElement a : aliases) {
      String whole = a.attr("wholeName");
      if (whole == null) {
        String joined = join(a.attr("firstName"), a.attr("middleName"), a.attr("lastName"));
        whole = joined == null ? null : joined.replace(", ", " ");
      }
      if (Text.clean(whole) == null) {
        continue;
      }
      String script = Scripts.detect(whole);
      boolean latin = script == null || script.equals("Latn");
      NameKind kind =
          a == primary ? NameKind.PRIMARY : latin ? NameKind.ALIAS : NameKind.ORIGINAL_SCRIPT;
      // Besides strong="false", the EU marks weak aliases in a remark ("low quality").
      String remark = a.texts("remark").stream().findFirst().orElse("").toLowerCase(Locale.ROOT);
      NameStrength strength =
          "false".equals(a.attr("strong")) || remark.contains("low quality")
              ? NameStrength.WEAK
              : NameStrength.STRONG;
      NameParts parts =
          type == EntityType.PERSON
              ? new NameParts(
                  a.attr("firstName"),
                  a.attr("middleName"),
                  a.attr("lastName"),
                  null,
                  null,
                  a.attr("title"))
              : NameParts.NONE;
      Name name =
          new Name(
              whole,
              strength,
              kind,
              latin ? null : script,
              a.attr("nameLanguage") == null
                  ? null
                  : a.attr("nameLanguage").toLowerCase(Locale.ROOT),
              parts);
      if (kind == NameKind.PRIMARY) {
        b.name(name);
      } else {
        b.alias(name);
      }
      if (a.attr("gender") != null) {
        b.gender(Gender.parse(a.attr("gender")));
      }
      lettered(a.attr("title")).forEach(b::title);
      if (type == EntityType.PERSON) {
        lettered(a.attr("function")).forEach(b::position);
      } else {
        b.remarks(a.attr("function"));
      }
    }
  }

  private static final java.util.regex.Pattern LETTERS =
      java.util.regex.Pattern.compile("\\(([a-z])\\)\\s*");

  /** Splits the EU's lettered enumerations, "(a) Mullah, (b) Maulavi", into their items. */
  static List<String> lettered(String text) {
    String t = Text.clean(text);
    if (t == null) {
      return List.of();
    }
    if (!t.startsWith("(a)")) {
      return List.of(t);
    }
    List<String> items = new ArrayList<>();
    for (String item : LETTERS.split(t)) {
      String clean = Text.clean(item.replaceAll("[,;]\\s*$", ""));
      if (clean != null) {
        items.add(clean);
      }
    }
    return items;
  }

  private static BirthDate birthDate(XmlElement d) {
    BirthDate birth = null;
    String full = d.attr("birthdate");
    String year = d.attr("year");
    String month = d.attr("monthOfYear");
    String day = d.attr("dayOfMonth");
    String from = d.attr("yearRangeFrom");
    String to = d.attr("yearRangeTo");
    try {
      if (full != null) {
        birth = BirthDate.parse(full);
      } else if (year != null && month != null && day != null) {
        birth =
            BirthDate.exact(
                LocalDate.of(
                    Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
      } else if (year != null && month != null) {
        birth =
            BirthDate.month(
                java.time.YearMonth.of(Integer.parseInt(year), Integer.parseInt(month)));
      } else if (year != null) {
        birth = BirthDate.year(Integer.parseInt(year));
      } else if (from != null && to != null) {
        birth = BirthDate.years(Integer.parseInt(from), Integer.parseInt(to));
      }
    } catch (RuntimeException e) {
      birth = BirthDate.unparsed(join(full, year, month, day, from, to));
    }
    if (birth != null && "true".equals(d.attr("circa"))) {
      birth = birth.approximately();
    }
    return birth;
  }

  private static CountryRef country(XmlElement e) {
    String code = e.attr("countryIso2Code");
    String description = e.attr("countryDescription");
    if (code == null || code.equals("00")) {
      return description == null || description.equals("UNKNOWN")
          ? null
          : CountryRef.of(description);
    }
    return CountryRef.ofCode(code, description);
  }

  private static IdentifierType identifierType(String code, String label) {
    if (code == null) {
      return IdentifierType.classify(label);
    }
    return switch (code.toLowerCase(Locale.ROOT)) {
      case "passport" -> IdentifierType.PASSPORT;
      case "id", "ssn", "birth" -> IdentifierType.NATIONAL_ID;
      case "tin", "fiscalcode", "vat" -> IdentifierType.TAX_ID;
      case "regnumber" -> IdentifierType.REGISTRATION;
      case "swiftbic" -> IdentifierType.SWIFT_BIC;
      case "imo" -> IdentifierType.IMO;
      default -> IdentifierType.classify(label);
    };
  }

  private static String dash(String value) {
    return "-".equals(value) ? null : value;
  }

  private static String join(String... parts) {
    List<String> present = new ArrayList<>();
    for (String p : parts) {
      if (Text.clean(p) != null) {
        present.add(p.strip());
      }
    }
    return present.isEmpty() ? null : String.join(", ", present);
  }
}
