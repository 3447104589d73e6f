package org.openstc.controls.measure;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openstc.controls.country.CountryCode;
import org.openstc.controls.io.ReferenceDataException;
import org.openstc.controls.io.ReferenceFiles;
import org.openstc.controls.list.ControlEntryCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalogue of restrictive measures, indexed by country, read from and written to the {@code
 * openstc-restrictive-measures/1} JSON format (the bundled file is curated from the legal acts).
 */
public final class RestrictiveMeasures {

  public static final String FORMAT = "openstc-restrictive-measures/1";

  private final List<RestrictiveMeasure> all;
  private final Map<CountryCode, List<RestrictiveMeasure>> byCountry;
  private final String source;

  public RestrictiveMeasures(List<RestrictiveMeasure> measures, String source) {
    Map<String, RestrictiveMeasure> ids = new LinkedHashMap<>();
    for (RestrictiveMeasure m : measures) {
      if (ids.putIfAbsent(m.id(), m) != null) {
        throw new IllegalArgumentException("duplicate measure id " + m.id());
      }
    }
    this.all = List.copyOf(measures);
    Map<CountryCode, List<RestrictiveMeasure>> map = new HashMap<>();
    for (RestrictiveMeasure m : measures) {
      map.computeIfAbsent(m.country(), k -> new ArrayList<>()).add(m);
    }
    map.replaceAll((k, v) -> List.copyOf(v));
    this.byCountry = Collections.unmodifiableMap(map);
    this.source = source;
  }

  /** The curated measures shipped with the engine (see docs/CONTROLS.md for their sources). */
  public static RestrictiveMeasures bundled() {
    String r = "/org/openstc/controls/restrictive-measures.json";
    return read(ReferenceFiles.readResource(r), r);
  }

  public static RestrictiveMeasures read(Path file) {
    return read(ReferenceFiles.readJson(file), file.toString());
  }

  public List<RestrictiveMeasure> all() {
    return all;
  }

  public String source() {
    return source;
  }

  /** The measures against a country (any date); use {@link RestrictiveMeasure#inForceOn}. */
  public List<RestrictiveMeasure> against(CountryCode country) {
    return byCountry.getOrDefault(country, List.of());
  }

  /** The measures against the country in force on the date. */
  public List<RestrictiveMeasure> inForce(CountryCode country, LocalDate date) {
    List<RestrictiveMeasure> out = new ArrayList<>();
    for (RestrictiveMeasure m : against(country)) {
      if (m.inForceOn(date)) {
        out.add(m);
      }
    }
    return out;
  }

  /** Whether the Council or the Security Council has an arms embargo on the country that day. */
  public boolean armsEmbargoed(CountryCode country, LocalDate date) {
    for (RestrictiveMeasure m : against(country)) {
      if (m.isArmsEmbargo() && m.inForceOn(date)) {
        return true;
      }
    }
    return false;
  }

  /** A copy with one measure added or replaced by id (administrators' edits). */
  public RestrictiveMeasures with(RestrictiveMeasure measure) {
    List<RestrictiveMeasure> out = new ArrayList<>();
    for (RestrictiveMeasure m : all) {
      if (!m.id().equals(measure.id())) {
        out.add(m);
      }
    }
    out.add(measure);
    return new RestrictiveMeasures(out, source + " (edited)");
  }

  public static RestrictiveMeasures read(JsonNode root, String name) {
    if (!FORMAT.equals(ReferenceFiles.text(root, "format"))) {
      throw new ReferenceDataException(name + ": 'format' must be \"" + FORMAT + "\"");
    }
    JsonNode arr = root.get("measures");
    if (arr == null || !arr.isArray()) {
      throw new ReferenceDataException(name + ": 'measures' is not an array");
    }
    List<RestrictiveMeasure> out = new ArrayList<>();
    int i = 0;
    for (JsonNode n : arr) {
      String where = name + ": measures[" + i++ + "]";
      String id = ReferenceFiles.text(n, "id");
      if (id != null) {
        where += " (" + id + ")";
      }
      try {
        out.add(measure(n, where));
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new ReferenceDataException(where + ": " + e.getMessage(), e);
      }
    }
    return new RestrictiveMeasures(
        out, name + " (curated " + ReferenceFiles.text(root, "curated_on") + ")");
  }

  private static RestrictiveMeasure measure(JsonNode n, String where) {
    List<String> regions = strings(n.get("regions"));
    List<ControlEntryCode> codes = new ArrayList<>();
    for (String c : strings(n.get("item_codes"))) {
      codes.add(ControlEntryCode.of(c));
    }
    Set<MeasureActivity> activities = EnumSet.noneOf(MeasureActivity.class);
    for (String a : strings(n.get("activities"))) {
      activities.add(MeasureActivity.valueOf(a.toUpperCase(Locale.ROOT)));
    }
    String until = ReferenceFiles.text(n, "until");
    String target = ReferenceFiles.text(n, "target");
    return new RestrictiveMeasure(
        ReferenceFiles.required(n, "id", where),
        Imposer.valueOf(ReferenceFiles.required(n, "imposer", where)),
        CountryCode.of(ReferenceFiles.required(n, "country", where)),
        regions,
        ReferenceFiles.text(n, "title"),
        ReferenceFiles.required(n, "legal_act", where),
        ReferenceFiles.text(n, "provision"),
        ItemScope.valueOf(ReferenceFiles.required(n, "items", where)),
        codes,
        target == null ? null : Target.valueOf(target),
        activities,
        Effect.valueOf(ReferenceFiles.required(n, "effect", where)),
        LocalDate.parse(ReferenceFiles.required(n, "from", where)),
        until == null ? null : LocalDate.parse(until),
        ReferenceFiles.text(n, "exceptions"),
        ReferenceFiles.text(n, "note"),
        strings(n.get("licence_exceptions")));
  }

  private static List<String> strings(JsonNode arr) {
    List<String> out = new ArrayList<>();
    if (arr != null && arr.isArray()) {
      for (JsonNode x : arr) {
        out.add(x.asString());
      }
    }
    return out;
  }

  /** Writes the catalogue in its JSON format, e.g. after an administrator's edit. */
  public ObjectNode write(String curatedOn) {
    ObjectNode root = ReferenceFiles.mapper().createObjectNode();
    root.put("format", FORMAT);
    root.put("curated_on", curatedOn);
    ArrayNode arr = root.putArray("measures");
    for (RestrictiveMeasure m : all) {
      ObjectNode o = arr.addObject();
      o.put("id", m.id());
      o.put("imposer", m.imposer().name());
      o.put("country", m.country().value());
      if (!m.regions().isEmpty()) {
        ArrayNode r = o.putArray("regions");
        m.regions().forEach(r::add);
      }
      o.put("title", m.title());
      o.put("legal_act", m.legalAct());
      o.put("provision", m.provision());
      o.put("items", m.items().name());
      if (!m.itemCodes().isEmpty()) {
        ArrayNode c = o.putArray("item_codes");
        m.itemCodes().forEach(x -> c.add(x.value()));
      }
      o.put("target", m.target().name());
      ArrayNode a = o.putArray("activities");
      m.activities().stream().sorted().forEach(x -> a.add(x.name()));
      o.put("effect", m.effect().name());
      o.put("from", m.from().toString());
      if (m.until() != null) {
        o.put("until", m.until().toString());
      }
      o.put("exceptions", m.exceptions());
      o.put("note", m.note());
      if (!m.licenceExceptions().isEmpty()) {
        ArrayNode le = o.putArray("licence_exceptions");
        m.licenceExceptions().forEach(le::add);
      }
    }
    return root;
  }
}
