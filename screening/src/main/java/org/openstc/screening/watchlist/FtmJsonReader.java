package org.openstc.screening.watchlist;

import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads FollowTheMoney entities as JSON lines (OpenSanctions {@code entities.ftm.json} exports).
 * Persons, organisations (Organization, Company, LegalEntity, PublicBody), vessels and airplanes
 * become entities; properties without a field of their own are kept under their FtM name. Auxiliary
 * schemata (Sanction, Address, Identification, relationships ...) and entities marked {@code
 * "target": false} are skipped.
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
          "createdAt");

  @Override
  public void read(ListInput input, String source, Tally sink) {
    JsonRecords.forEach(
        input,
        null,
        (record, line) -> {
          String schema = JsonRecords.text(record, "schema");
          EntityType type = schema == null ? null : SCHEMATA.get(schema);
          JsonNode target = record.get("target");
          if (type == null || (target != null && target.isBoolean() && !target.booleanValue())) {
            return;
          }
          try {
            sink.accept(entity(record, type, source));
          } catch (IllegalArgumentException | IllegalStateException e) {
            throw new WatchlistFormatException(input.name(), line, e.getMessage(), e);
          }
        });
  }

  private static ListedEntity entity(JsonNode r, EntityType type, String source) {
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
    return b.build();
  }

  private static String first(JsonNode props, String property) {
    List<String> values = JsonRecords.texts(props, property);
    return values.isEmpty() ? null : values.get(0);
  }
}
