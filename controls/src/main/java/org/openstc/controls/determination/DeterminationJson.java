package org.openstc.controls.determination;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.openstc.controls.authorisation.TransactionFact;
import org.openstc.controls.io.ReferenceFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one JSON rendering of a determination, shared by the CLI and the API: {@code {"outcome",
 * "general_authorisations", "licence_exceptions", "reasons": [{"rule", "legal_basis",
 * "explanation"}]}}.
 */
public final class DeterminationJson {

  private DeterminationJson() {}

  public static ObjectNode toNode(Determination d) {
    ObjectNode root = ReferenceFiles.mapper().createObjectNode();
    root.put("outcome", d.outcome().name());
    ArrayNode gas = root.putArray("general_authorisations");
    d.generalAuthorisations().forEach(gas::add);
    ArrayNode les = root.putArray("licence_exceptions");
    d.licenceExceptions().forEach(les::add);
    ArrayNode reasons = root.putArray("reasons");
    for (Reason r : d.reasons()) {
      ObjectNode o = reasons.addObject();
      o.put("rule", r.rule());
      o.put("legal_basis", r.legalBasis());
      o.put("explanation", r.explanation());
    }
    return root;
  }

  /**
   * Reads a request as the API receives it: {@code {"jurisdiction": "EU", "item": "2B001"}} or
   * {@code {"items": {"EU": "2B001", "US": "2B001"}}}, plus {@code destination}, optional {@code
   * region}, {@code transit}, {@code activity}, {@code end_use}, {@code informed_by_authority},
   * {@code screening}, {@code facts} and {@code as_of} (default: {@code today}). Errors name the
   * field.
   */
  public static DeterminationRequest readRequest(JsonNode n, LocalDate today) {
    if (n == null || !n.isObject()) {
      throw new InvalidDeterminationRequest("the request must be a JSON object");
    }
    DeterminationRequest.Builder b = DeterminationRequest.builder().asOf(today);
    JsonNode items = n.get("items");
    if (items != null && items.isObject()) {
      for (Map.Entry<String, JsonNode> e : items.properties()) {
        b.classification(jurisdiction(e.getKey()), Classification.parse(e.getValue().asString()));
      }
    } else {
      String j = text(n, "jurisdiction");
      String item = text(n, "item");
      if (j == null || item == null) {
        throw new InvalidDeterminationRequest(
            "give 'jurisdiction' and 'item', or 'items' as {\"EU\": code, \"US\": code}");
      }
      b.classification(jurisdiction(j), Classification.parse(item));
    }
    String destination = text(n, "destination");
    if (destination == null) {
      throw new InvalidDeterminationRequest("'destination' (ISO 3166 alpha-2) is missing");
    }
    try {
      b.to(destination);
      for (JsonNode t : n.path("transit")) {
        b.via(t.asString());
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidDeterminationRequest(e.getMessage());
    }
    if (text(n, "region") != null) {
      b.region(text(n, "region").toUpperCase(Locale.ROOT));
    }
    if (text(n, "activity") != null) {
      b.activity(Activity.parse(text(n, "activity")));
    }
    if (text(n, "end_use") != null) {
      b.endUse(EndUse.parse(text(n, "end_use")));
    }
    if (n.path("informed_by_authority").asBoolean(false)) {
      b.informedByAuthority();
    }
    for (JsonNode s : n.path("screening")) {
      b.screening(constant(PartyScreening.class, s.asString(), "screening"));
    }
    for (JsonNode f : n.path("facts")) {
      b.fact(constant(TransactionFact.class, f.asString(), "facts"));
    }
    String asOf = text(n, "as_of");
    if (asOf != null) {
      try {
        b.asOf(LocalDate.parse(asOf));
      } catch (DateTimeParseException e) {
        throw new InvalidDeterminationRequest("'as_of' is not an ISO date: " + asOf);
      }
    }
    return b.build();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || !v.isValueNode() ? null : v.asString();
  }

  private static Jurisdiction jurisdiction(String s) {
    try {
      return Jurisdiction.valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidDeterminationRequest("unknown jurisdiction '" + s + "' (EU or US)");
    }
  }

  private static <E extends Enum<E>> E constant(Class<E> type, String s, String field) {
    try {
      return Enum.valueOf(type, s.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new InvalidDeterminationRequest("unknown value '" + s + "' in '" + field + "'");
    }
  }

  /** Pretty-printed JSON text. */
  public static String write(Determination d) {
    return ReferenceFiles.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(toNode(d));
  }
}
