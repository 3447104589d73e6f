package org.openstc.server.partners;

/** Whether a partner is a person, an organisation, a vessel or an aircraft. */
public enum PartyType {
  ORGANISATION,
  PERSON,
  VESSEL,
  AIRCRAFT;

  /** Parses the usual spellings (person, individual, company, entity, org, vessel, ship ...). */
  public static PartyType parse(String text) {
    if (text == null || text.isBlank()) {
      return ORGANISATION;
    }
    return switch (text.strip().toLowerCase()) {
      case "person", "individual", "natural person", "p" -> PERSON;
      case "organisation", "organization", "company", "entity", "org", "legal person", "o" ->
          ORGANISATION;
      case "vessel", "ship" -> VESSEL;
      case "aircraft", "plane" -> AIRCRAFT;
      default ->
          throw new IllegalArgumentException(
              "type '" + text + "' is not one of person, organisation, vessel, aircraft");
    };
  }
}
