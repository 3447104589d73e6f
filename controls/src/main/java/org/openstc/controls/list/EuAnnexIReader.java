package org.openstc.controls.list;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openstc.controls.io.ReferenceDataException;
import org.openstc.controls.io.ReferenceFiles;
import tools.jackson.databind.JsonNode;

/**
 * Reads the EU dual-use list (Annex I to Regulation (EU) 2021/821) from the JSON extraction in the
 * shared data ({@code eu-dual-use-annex-i-*.json}): one provision per line becomes one entry of the
 * tree, note lines become notes of their provision, threshold lines become parameters; the verbatim
 * texts of the Union general export authorisations and of Articles 4 and 5 come along.
 */
public final class EuAnnexIReader {

  /** The list id under which EU Annex I versions are kept. */
  public static final String LIST_ID = "EU-ANNEX-I";

  private static final Pattern LINE =
      Pattern.compile("^(\\d[A-E]\\d{3}(?:\\.[a-z0-9]{1,3})*)\\.?\\s+(.*)$", Pattern.DOTALL);
  private static final Pattern NOTE =
      Pattern.compile(
          "^(Notes?|N\\.B\\.|Technical Notes?|Nota|Note \\d+|Notes? to)\\b.*", Pattern.DOTALL);

  /** What the file holds: the list version and the legal texts that come with it. */
  public record AnnexI(
      ControlListVersion version,
      Map<String, String> generalAuthorisationTexts,
      Map<String, String> articleTexts,
      String sectionIText) {}

  private EuAnnexIReader() {}

  public static AnnexI read(Path file) {
    return read(ReferenceFiles.readJson(file), file.toString());
  }

  public static AnnexI read(JsonNode root, String name) {
    String corpus = ReferenceFiles.required(root, "corpus_version", name);
    String validFrom = ReferenceFiles.required(root, "valid_from", name);
    LocalDate date;
    try {
      date = LocalDate.parse(validFrom);
    } catch (DateTimeParseException e) {
      throw new ReferenceDataException(name + ": valid_from is not a date: " + validFrom, e);
    }
    JsonNode entries = root.get("entries");
    if (entries == null || !entries.isArray()) {
      throw new ReferenceDataException(name + ": 'entries' is not an array");
    }
    Map<ControlEntryCode, Builder> built = new LinkedHashMap<>();
    int index = 0;
    for (JsonNode e : entries) {
      String where = name + ": entries[" + index++ + "]";
      String heading = ReferenceFiles.required(e, "entry_code", where);
      String verbatim = ReferenceFiles.required(e, "verbatim_text", where);
      Set<String> parameterLines = new HashSet<>();
      JsonNode params = e.get("parameters");
      if (params != null && params.isArray()) {
        for (JsonNode p : params) {
          parameterLines.add(p.asString().strip());
        }
      }
      Builder current = null;
      for (String raw : verbatim.split("\n")) {
        String line = raw.strip();
        if (line.isEmpty()) {
          continue;
        }
        Matcher m = LINE.matcher(line);
        if (m.matches() && m.group(1).startsWith(heading)) {
          ControlEntryCode code;
          try {
            code = ControlEntryCode.of(m.group(1));
          } catch (IllegalArgumentException ex) {
            throw new ReferenceDataException(where + ": bad code in line '" + line + "'", ex);
          }
          Builder b = built.computeIfAbsent(code, Builder::new);
          String rest = m.group(2).strip();
          if (NOTE.matcher(rest).matches()) {
            b.notes.add(rest);
          } else {
            b.text.append(b.text.isEmpty() ? "" : " ").append(rest);
            if (parameterLines.contains(line)) {
              b.parameters.add(rest);
            }
          }
          current = b;
        } else if (current != null) {
          // A continuation of the previous provision (a table row, a wrapped line).
          current.text.append('\n').append(line);
        } else {
          throw new ReferenceDataException(where + ": text before the first provision: " + line);
        }
      }
    }
    List<ControlEntry> list = new ArrayList<>(built.size());
    for (Builder b : built.values()) {
      list.add(
          ControlEntry.of(
              b.code, b.text.toString(), b.parameters, b.notes, Regime.ofEuCode(b.code)));
    }
    String source =
        "Annex I to Regulation (EU) 2021/821 (consolidated text "
            + corpus
            + ", CELEX "
            + ReferenceFiles.text(root, "celex")
            + ")";
    ControlListVersion version =
        new ControlListVersion(
            LIST_ID,
            "EU dual-use list (Annex I to Regulation (EU) 2021/821)",
            ListJurisdiction.EU,
            new ListSource(source, date, name),
            list);
    Map<String, String> gas = new LinkedHashMap<>();
    JsonNode geas = root.get("geas");
    if (geas != null && geas.isArray()) {
      for (JsonNode g : geas) {
        gas.put(
            ReferenceFiles.required(g, "id", name + ": geas"),
            ReferenceFiles.text(g, "verbatim_text"));
      }
    }
    Map<String, String> articles = new LinkedHashMap<>();
    JsonNode docs = root.get("docs");
    if (docs != null && docs.isArray()) {
      for (JsonNode d : docs) {
        String title = ReferenceFiles.text(d, "title");
        if (title != null && title.startsWith("Article ")) {
          articles.put(title, ReferenceFiles.text(d, "verbatim_text"));
        }
      }
    }
    return new AnnexI(version, gas, articles, ReferenceFiles.text(root, "gea_common_list"));
  }

  private static final class Builder {
    final ControlEntryCode code;
    final StringBuilder text = new StringBuilder();
    final List<String> parameters = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    Builder(ControlEntryCode code) {
      this.code = code;
    }
  }
}
