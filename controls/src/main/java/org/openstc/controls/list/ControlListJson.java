package org.openstc.controls.list;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openstc.controls.io.ReferenceDataException;
import org.openstc.controls.io.ReferenceFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The documented JSON format ({@code "format": "openstc-control-list/1"}) in which an authority
 * loads its national control list, and in which OpenSTC ships the munitions headings. See
 * docs/CONTROLS.md for the field list.
 */
public final class ControlListJson {

  public static final String FORMAT = "openstc-control-list/1";

  private ControlListJson() {}

  public static ControlListVersion read(Path file) {
    return read(ReferenceFiles.readJson(file), file.toString());
  }

  public static ControlListVersion read(InputStream in, String name) {
    return read(ReferenceFiles.readJson(in, name), name);
  }

  public static ControlListVersion read(JsonNode root, String name) {
    String format = ReferenceFiles.text(root, "format");
    if (!FORMAT.equals(format)) {
      throw new ReferenceDataException(
          name + ": 'format' must be \"" + FORMAT + "\" but is " + format);
    }
    String listId = ReferenceFiles.required(root, "list_id", name);
    String legal = ReferenceFiles.required(root, "legal_source", name);
    LocalDate validFrom = date(ReferenceFiles.required(root, "valid_from", name), name);
    ListJurisdiction jurisdiction;
    try {
      jurisdiction =
          ListJurisdiction.valueOf(
              ReferenceFiles.required(root, "jurisdiction", name).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ReferenceDataException(name + ": unknown jurisdiction", e);
    }
    JsonNode entries = root.get("entries");
    if (entries == null || !entries.isArray()) {
      throw new ReferenceDataException(name + ": 'entries' is not an array");
    }
    List<ControlEntry> out = new ArrayList<>();
    int i = 0;
    for (JsonNode e : entries) {
      String where = name + ": entries[" + i++ + "]";
      ControlEntryCode code;
      ControlEntryCode parent = null;
      try {
        code = ControlEntryCode.of(ReferenceFiles.required(e, "code", where));
        String p = ReferenceFiles.text(e, "parent");
        parent = p == null ? code.parent() : ControlEntryCode.of(p);
      } catch (IllegalArgumentException ex) {
        throw new ReferenceDataException(where + ": " + ex.getMessage(), ex);
      }
      Regime regime;
      String r = ReferenceFiles.text(e, "regime");
      try {
        regime =
            r != null
                ? Regime.valueOf(r.toUpperCase(Locale.ROOT))
                : (code.isDualUseNumbered() || code.isMunitions()
                    ? Regime.ofEuCode(code)
                    : Regime.NATIONAL);
      } catch (IllegalArgumentException ex) {
        throw new ReferenceDataException(where + ": unknown regime '" + r + "'", ex);
      }
      out.add(
          new ControlEntry(
              code,
              parent,
              ReferenceFiles.required(e, "text", where),
              strings(e.get("parameters"), where),
              strings(e.get("notes"), where),
              regime,
              List.of(),
              List.of(),
              null));
    }
    String origin = ReferenceFiles.text(root, "source_url");
    return new ControlListVersion(
        listId,
        ReferenceFiles.text(root, "title"),
        jurisdiction,
        new ListSource(legal, validFrom, origin == null ? name : origin),
        out);
  }

  /** Writes a version in this format, e.g. to export a list for editing. */
  public static ObjectNode write(ControlListVersion v) {
    ObjectNode root = ReferenceFiles.mapper().createObjectNode();
    root.put("format", FORMAT);
    root.put("list_id", v.listId());
    root.put("title", v.title());
    root.put("jurisdiction", v.jurisdiction().name());
    root.put("legal_source", v.source().legalSource());
    root.put("valid_from", v.source().validFrom().toString());
    root.put("source_url", v.source().origin());
    ArrayNode arr = root.putArray("entries");
    for (ControlEntry e : v.entries().values()) {
      ObjectNode o = arr.addObject();
      o.put("code", e.code().value());
      if (e.parent() != null) {
        o.put("parent", e.parent().value());
      }
      o.put("text", e.text());
      o.put("regime", e.regime().name());
      ArrayNode p = o.putArray("parameters");
      e.parameters().forEach(p::add);
      ArrayNode n = o.putArray("notes");
      e.notes().forEach(n::add);
    }
    return root;
  }

  private static LocalDate date(String s, String name) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new ReferenceDataException(name + ": not an ISO date: " + s, e);
    }
  }

  private static List<String> strings(JsonNode arr, String where) {
    List<String> out = new ArrayList<>();
    if (arr == null || arr.isNull()) {
      return out;
    }
    if (!arr.isArray()) {
      throw new ReferenceDataException(where + ": expected an array of strings");
    }
    for (JsonNode n : arr) {
      out.add(n.asString());
    }
    return out;
  }
}
