package org.openstc.screening.watchlist;

import tools.jackson.databind.JsonNode;

/**
 * Reads the trade.gov Consolidated Screening List JSON as the API and the downloadable file publish
 * it: an object with a {@code results} array (or a bare array) of records with list-valued {@code
 * programs}, {@code alt_names}, {@code addresses} objects and {@code ids} objects.
 */
final class CslJsonReader implements ListReader {

  @Override
  public void read(ListInput input, String source, Tally sink) {
    CslEntries entries = new CslEntries();
    JsonRecords.forEach(
        input,
        "results",
        (record, line) -> {
          try {
            sink.accept(entity(record, source, entries));
          } catch (IllegalArgumentException | IllegalStateException e) {
            throw new WatchlistFormatException(input.name(), line, e.getMessage(), e);
          }
        });
  }

  private static ListedEntity entity(JsonNode r, String source, CslEntries entries) {
    String listName = JsonRecords.text(r, "source");
    String list = CslEntries.listCode(listName);
    String name = JsonRecords.text(r, "name");
    EntityType type = CslEntries.type(JsonRecords.text(r, "type"));
    String recordId = JsonRecords.text(r, "id");
    if (recordId == null) {
      recordId = JsonRecords.text(r, "_id");
    }
    String entityNumber = JsonRecords.text(r, "entity_number");
    ListedEntity.Builder b =
        ListedEntity.builder(
            entries.id(list, recordId, entityNumber, name, JsonRecords.text(r, "start_date")),
            type,
            source);
    b.sourceEntryId(entityNumber != null ? entityNumber : recordId);
    if (name != null) {
      b.name(OfacLegacyCsvReader.personName(Name.primary(name), type));
    }
    JsonRecords.texts(r, "alt_names")
        .forEach(
            a -> b.alias(OfacLegacyCsvReader.personName(Name.alias(a, NameStrength.STRONG), type)));
    b.property("list", list);
    b.property("listName", listName);
    JsonRecords.texts(r, "programs").forEach(b::programme);
    b.position(JsonRecords.text(r, "title"));
    JsonNode addresses = r.get("addresses");
    if (addresses != null && addresses.isArray()) {
      for (JsonNode a : addresses.values()) {
        if (!a.isObject()) {
          b.address(CslEntries.address(a.asString()));
          continue;
        }
        String country = JsonRecords.text(a, "country");
        String street = JsonRecords.text(a, "address");
        String city = JsonRecords.text(a, "city");
        String state = JsonRecords.text(a, "state");
        String postal = JsonRecords.text(a, "postal_code");
        if (Address.hasContent(street, city, state, postal, country)) {
          b.address(
              Address.of(
                  street, city, state, postal, country == null ? null : CountryRef.of(country)));
        }
      }
    }
    b.listedOn(Dates.iso(JsonRecords.text(r, "start_date")));
    for (String property :
        new String[] {
          "end_date",
          "federal_register_notice",
          "standard_order",
          "license_requirement",
          "license_policy",
          "source_list_url"
        }) {
      b.property(camel(property), JsonRecords.text(r, property));
    }
    String callSign = JsonRecords.text(r, "call_sign");
    if (callSign != null) {
      b.identifier(new Identifier(IdentifierType.CALL_SIGN, "Call Sign", callSign, null, null));
    }
    b.property("vesselType", JsonRecords.text(r, "vessel_type"));
    b.property("tonnage", JsonRecords.text(r, "gross_tonnage"));
    b.property("grossRegisteredTonnage", JsonRecords.text(r, "gross_registered_tonnage"));
    b.property("flag", JsonRecords.text(r, "vessel_flag"));
    b.property("owner", JsonRecords.text(r, "vessel_owner"));
    b.remarks(JsonRecords.text(r, "remarks"));
    b.url(JsonRecords.text(r, "source_information_url"));
    JsonRecords.texts(r, "citizenships").forEach(b::citizenship);
    JsonRecords.texts(r, "nationalities").forEach(b::nationality);
    JsonRecords.texts(r, "places_of_birth").forEach(b::placeOfBirth);
    JsonRecords.texts(r, "dates_of_birth").forEach(d -> b.birthDate(CslEntries.birthDate(d)));
    JsonNode ids = r.get("ids");
    if (ids != null && ids.isArray()) {
      for (JsonNode id : ids.values()) {
        if (!id.isObject()) {
          continue;
        }
        StringBuilder note = new StringBuilder();
        if (JsonRecords.text(id, "issue_date") != null) {
          note.append("issued ").append(JsonRecords.text(id, "issue_date"));
        }
        if (JsonRecords.text(id, "expiration_date") != null) {
          note.append(note.length() == 0 ? "" : "; ")
              .append("expires ")
              .append(JsonRecords.text(id, "expiration_date"));
        }
        CslEntries.applyId(
            JsonRecords.text(id, "type"),
            JsonRecords.text(id, "number"),
            JsonRecords.text(id, "country"),
            note.length() == 0 ? null : note.toString(),
            b);
      }
    }
    return b.build();
  }

  private static String camel(String snake) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }
}
