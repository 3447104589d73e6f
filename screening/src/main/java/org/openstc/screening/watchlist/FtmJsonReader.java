package org.openstc.screening.watchlist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads FollowTheMoney entities as JSON lines (OpenSanctions {@code entities.ftm.json} exports).
 * Persons, organisations (Organization, Company, LegalEntity, PublicBody), vessels and airplanes
 * become entities; properties without a field of their own are kept under their FtM name. Sanction,
 * Identification, Passport and Address entities are folded into the entity they refer to
 * (programmes, listing dates, documents, addresses); relationship entities and entities marked
 * {@code "target": false} are skipped. Targets are emitted at the end of the file, since the
 * entities completing them may come after them.
 */
final class FtmJsonReader implements ListReader {

  private static final Map<String, EntityType> SCHEMATA =
      Map.of(
          "Person", EntityType.PERSON,
          "Organization", EntityType.ORGANISATION,
          "Company", EntityType.ORGANISATION,
          "LegalEntity", EntityType.ORGANISATION,
          "PublicBody", EntityType.ORGANISATION,
          "Vessel", EntityType.VESSEL,
          "Airplane", EntityType.AIRCRAFT);

  private static final Map<String, IdentifierType> IDENTIFIERS =
      Map.ofEntries(
          Map.entry("passportNumber", IdentifierType.PASSPORT),
          Map.entry("idNumber", IdentifierType.NATIONAL_ID),
          Map.entry("socialSecurityNumber", IdentifierType.NATIONAL_ID),
          Map.entry("taxNumber", IdentifierType.TAX_ID),
          Map.entry("innCode", IdentifierType.TAX_ID),
          Map.entry("vatCode", IdentifierType.TAX_ID),
          Map.entry("imoNumber", IdentifierType.IMO),
          Map.entry("mmsi", IdentifierType.MMSI),
          Map.entry("callSign", IdentifierType.CALL_SIGN),
          Map.entry("leiCode", IdentifierType.LEI),
          Map.entry("swiftBic", IdentifierType.SWIFT_BIC),
          Map.entry("registrationNumber", IdentifierType.REGISTRATION),
          Map.entry("ogrnCode", IdentifierType.REGISTRATION),
          Map.entry("okpoCode", IdentifierType.REGISTRATION),
          Map.entry("uniqueEntityId", IdentifierType.REGISTRATION),
          Map.entry("serialNumber", IdentifierType.OTHER));

  /** Properties consumed into fields (the rest go to {@link ListedEntity#properties()}). */
  private static final Set<String> CONSUMED =
      Set.of(
          "name",
          "alias",
          "weakAlias",
          "previousName",
          "firstName",
          "middleName",
          "lastName",
          "fatherName",
          "motherName",
          "secondName",
          "title",
          "gender",
          "birthDate",
          "birthPlace",
          "nationality",
          "citizenship",
          "country",
          "address",
          "position",
          "program",
          "programId",
          "notes",
          "sourceUrl",
          "createdAt",
          "addressEntity");

  @Override
  public void read(ListInput input, String source, Tally sink) {
    // Flat exports put sanctions, identity documents and addresses in entities of their own that
    // refer to the listed entity (either before or after it), so targets are completed at the end.
    Map<String, ListedEntity.Builder> targets = new LinkedHashMap<>();
    Map<String, List<JsonNode>> auxiliaries = new HashMap<>();
    Map<String, Address> addresses = new HashMap<>();
    Map<String, List<String>> addressRefs = new HashMap<>();
    JsonRecords.forEach(
        input,
        null,
        (record, line) -> {
          String schema = JsonRecords.text(record, "schema");
          if (schema == null) {
            throw new WatchlistFormatException(input.name(), line, "FtM entity without schema");
          }
          try {
            JsonNode props = record.get("properties");
            switch (schema) {
              case "Sanction" -> refer(auxiliaries, props, "entity", record);
              case "Identification", "Passport" -> refer(auxiliaries, props, "holder", record);
              case "Address" -> {
                Address address = address(props);
                String id = JsonRecords.text(record, "id");
                if (address != null && id != null) {
                  addresses.put(id, address);
                }
              }
              default -> {
                EntityType type = SCHEMATA.get(schema);
                JsonNode target = record.get("target");
                if (type == null
                    || (target != null && target.isBoolean() && !target.booleanValue())) {
                  return;
                }
                ListedEntity.Builder b = entity(record, type, source);
                targets.put(b.id().value(), b);
                List<String> refs = JsonRecords.texts(props, "addressEntity");
                if (!refs.isEmpty()) {
                  addressRefs.put(b.id().value(), refs);
                }
              }
            }
          } catch (IllegalArgumentException | IllegalStateException e) {
            throw new WatchlistFormatException(input.name(), line, e.getMessage(), e);
          }
        });
    for (Map.Entry<String, ListedEntity.Builder> target : targets.entrySet()) {
      ListedEntity.Builder b = target.getValue();
      for (JsonNode aux : auxiliaries.getOrDefault(target.getKey(), List.of())) {
        applyAuxiliary(aux, b);
      }
      for (String ref : addressRefs.getOrDefault(target.getKey(), List.of())) {
        b.address(addresses.get(ref));
      }
      try {
        sink.accept(b.build());
      } catch (IllegalStateException e) {
        throw new WatchlistFormatException(
            input.name(), 0, "FtM entity " + target.getKey() + ": " + e.getMessage(), e);
      }
    }
  }

  private static void refer(
      Map<String, List<JsonNode>> auxiliaries, JsonNode props, String property, JsonNode record) {
    if (props == null) {
      return;
    }
    for (String id : JsonRecords.texts(props, property)) {
      auxiliaries.computeIfAbsent(id, k -> new ArrayList<>()).add(record);
    }
  }

  /** Folds a Sanction, Identification or Passport entity into the entity it refers to. */
  private static void applyAuxiliary(JsonNode aux, ListedEntity.Builder b) {
    String schema = JsonRecords.text(aux, "schema");
    JsonNode props = aux.get("properties");
    if (props == null || schema == null) {
      return;
    }
    if (schema.equals("Sanction")) {
      JsonRecords.texts(props, "program").forEach(b::programme);
      JsonRecords.texts(props, "programId").forEach(b::programme);
      for (String date : JsonRecords.texts(props, "listingDate")) {
        b.listedOn(Dates.iso(date));
      }
      if (JsonRecords.texts(props, "listingDate").isEmpty()) {
        JsonRecords.texts(props, "startDate").forEach(d -> b.listedOn(Dates.iso(d)));
      }
      JsonRecords.texts(props, "authority").forEach(a -> b.property("authority", a));
      JsonRecords.texts(props, "reason").forEach(r -> b.property("sanctionReason", r));
      JsonRecords.texts(props, "provisions").forEach(r -> b.property("provisions", r));
      if (b.hasName()) {
        JsonRecords.texts(props, "sourceUrl").forEach(u -> b.property("sanctionUrl", u));
      }
      return;
    }
    String number = first(props, "number");
    if (number == null) {
      return;
    }
    String label = first(props, "type");
    IdentifierType type =
        schema.equals("Passport")
            ? IdentifierType.PASSPORT
            : label == null ? IdentifierType.NATIONAL_ID : IdentifierType.classify(label);
    String country = first(props, "country");
    b.identifier(
        new Identifier(
            type,
            label != null ? label : schema,
            number,
            country == null ? null : CountryRef.ofCode(country, country),
            null));
  }

  private static Address address(JsonNode props) {
    if (props == null) {
      return null;
    }
    String country = first(props, "country");
    CountryRef ref = country == null ? null : CountryRef.ofCode(country, country);
    String full = first(props, "full");
    if (full != null) {
      return new Address(
          full,
          first(props, "street"),
          first(props, "city"),
          first(props, "region"),
          first(props, "postalCode"),
          ref);
    }
    String street = first(props, "street");
    String city = first(props, "city");
    String region = first(props, "region");
    String postal = first(props, "postalCode");
    return Address.hasContent(street, city, region, postal) || ref != null
        ? Address.of(street, city, region, postal, ref)
        : null;
  }

  private static ListedEntity.Builder entity(JsonNode r, EntityType type, String source) {
    String id = JsonRecords.text(r, "id");
    if (id == null) {
      throw new IllegalArgumentException("FtM entity without id");
    }
    JsonNode props = r.get("properties");
    if (props == null || !props.isObject()) {
      throw new IllegalArgumentException("FtM entity " + id + " without properties");
    }
    ListedEntity.Builder b = ListedEntity.builder(EntityId.of(id), type, source);
    b.sourceEntryId(id);
    List<String> names = JsonRecords.texts(props, "name");
    String caption = JsonRecords.text(r, "caption");
    NameParts parts =
        new NameParts(
            first(props, "firstName"),
            first(props, "middleName") != null
                ? first(props, "middleName")
                : first(props, "secondName"),
            first(props, "lastName"),
            first(props, "fatherName"),
            first(props, "motherName"),
            null);
    String primary =
        caption != null && names.contains(caption)
            ? caption
            : names.isEmpty() ? caption : names.get(0);
    if (primary != null) {
      b.name(Name.primary(primary).withParts(type == EntityType.PERSON ? parts : NameParts.NONE));
    }
    for (String n : names) {
      if (!n.equals(primary)) {
        b.alias(Name.alias(n, NameStrength.STRONG));
      }
    }
    JsonRecords.texts(props, "alias").forEach(a -> b.alias(Name.alias(a, NameStrength.STRONG)));
    JsonRecords.texts(props, "weakAlias").forEach(a -> b.alias(Name.alias(a, NameStrength.WEAK)));
    JsonRecords.texts(props, "previousName").forEach(a -> b.alias(Name.formerly(a)));
    JsonRecords.texts(props, "title").forEach(b::title);
    b.gender(Gender.parse(first(props, "gender")));
    JsonRecords.texts(props, "birthDate").forEach(d -> b.birthDate(BirthDate.parse(d)));
    JsonRecords.texts(props, "birthPlace").forEach(b::placeOfBirth);
    JsonRecords.texts(props, "nationality").forEach(c -> b.nationality(CountryRef.ofCode(c, c)));
    JsonRecords.texts(props, "citizenship").forEach(c -> b.citizenship(CountryRef.ofCode(c, c)));
    JsonRecords.texts(props, "country").forEach(c -> b.country(CountryRef.ofCode(c, c)));
    JsonRecords.texts(props, "address")
        .forEach(a -> b.address(new Address(a, null, null, null, null, null)));
    JsonRecords.texts(props, "position").forEach(b::position);
    JsonRecords.texts(props, "program").forEach(b::programme);
    JsonRecords.texts(props, "programId").forEach(b::programme);
    JsonRecords.texts(props, "notes").forEach(b::remarks);
    b.url(first(props, "sourceUrl"));
    for (Map.Entry<String, JsonNode> property : props.properties()) {
      String key = property.getKey();
      if (CONSUMED.contains(key)) {
        continue;
      }
      IdentifierType idType = IDENTIFIERS.get(key);
      for (String value : JsonRecords.texts(props, key)) {
        if (idType != null) {
          b.identifier(new Identifier(idType, key, value, null, null));
        } else {
          b.property(key, value);
        }
      }
    }
    JsonRecords.texts(r, "datasets").forEach(d -> b.property("datasets", d));
    return b;
  }

  private static String first(JsonNode props, String property) {
    List<String> values = JsonRecords.texts(props, property);
    return values.isEmpty() ? null : values.get(0);
  }
}
