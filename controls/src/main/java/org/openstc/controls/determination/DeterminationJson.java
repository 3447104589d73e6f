package org.openstc.controls.determination;

import org.openstc.controls.io.ReferenceFiles;
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

  /** Pretty-printed JSON text. */
  public static String write(Determination d) {
    return ReferenceFiles.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(toNode(d));
  }
}
