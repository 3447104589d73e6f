package org.openstc.server.controls;

import java.util.List;
import org.openstc.controls.io.ReferenceFiles;
import org.openstc.controls.measure.RestrictiveMeasure;
import org.openstc.controls.measure.RestrictiveMeasures;
import org.openstc.server.controls.internal.ControlListStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One restrictive measure as JSON in the engine's format, for edits stored in the database. */
final class MeasureJson {

  private MeasureJson() {}

  /** Reads one measure object ({@code id}, {@code imposer}, {@code country} ...). */
  static RestrictiveMeasure parse(JsonNode measure, String where) {
    ObjectNode root = ReferenceFiles.mapper().createObjectNode();
    root.put("format", RestrictiveMeasures.FORMAT);
    root.put("curated_on", "edit");
    root.putArray("measures").add(measure);
    return RestrictiveMeasures.read(root, where).all().getFirst();
  }

  static RestrictiveMeasure parse(String json, String where) {
    return parse(
        ReferenceFiles.readJson(
            new java.io.ByteArrayInputStream(
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            where),
        where);
  }

  static JsonNode node(RestrictiveMeasure m) {
    return new RestrictiveMeasures(List.of(m), "edit").write("edit").get("measures").get(0);
  }

  static String write(RestrictiveMeasure m) {
    return ReferenceFiles.mapper().writeValueAsString(node(m));
  }

  static RestrictiveMeasures apply(
      RestrictiveMeasures base, List<ControlListStore.MeasureEdit> edits) {
    RestrictiveMeasures out = base;
    for (ControlListStore.MeasureEdit e : edits) {
      out = out.with(parse(e.json(), "restrictive measure edit " + e.measureId()));
    }
    return out;
  }
}
