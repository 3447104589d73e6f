package org.openstc.controls.list;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openstc.controls.io.EcfrXml;
import org.openstc.controls.io.ReferenceDataException;
import org.openstc.controls.io.ReferenceFiles;
import tools.jackson.databind.JsonNode;

/**
 * Reads the US Commerce Control List (15 CFR Part 774 Supp. 1) either from the official eCFR XML or
 * from the JSON derived from it in the shared data, into a list version whose headings carry
 * reasons for control, License Requirements rows and list-based licence exceptions.
 */
public final class UsCclReaders {

  /** The list id under which US CCL versions are kept. */
  public static final String LIST_ID = "US-CCL";

  static final Set<String> REASONS =
      Set.of("NS", "NP", "MT", "CB", "RS", "CC", "AT", "FC", "UN", "EI", "SL", "SI", "CW", "SS");

  private static final Pattern ECCN_HEADING =
      Pattern.compile("^(\\d[A-E]\\d{3})\\.?\\s+(.*)$", Pattern.DOTALL);
  private static final Pattern ITEM =
      Pattern.compile(
          "^([a-z](?:\\.\\d{1,2}(?:\\.[a-z](?:\\.\\d{1,2}(?:\\.[a-z])?)?)?)?)\\.\\s+(.*)$",
          Pattern.DOTALL);
  private static final Pattern EXCEPTION_LINE =
      Pattern.compile("^([A-Z]{3}(?:/[A-Z]{3})?):\\s*(.*)$", Pattern.DOTALL);
  private static final Pattern REASON_TOKEN = Pattern.compile("\\b([A-Z]{2})\\b");
  private static final Pattern SINGLE_CELL_ROW =
      Pattern.compile("^(.*?)\\s+([A-Z]{2}\\s+Column\\s+[123]\\.?)\\s*$", Pattern.DOTALL);
  private static final Pattern CONTROL_SENTENCE =
      Pattern.compile(
          "^(?:Control\\(s\\):\\s*)?(?:Country Chart\\.\\s*)?([A-Z]{2}(?: and [A-Z]{2})? apply|[A-Z]{2} applies)( to .*?\\.)\\s+(?=[A-Z])(.*)$",
          Pattern.DOTALL);

  private UsCclReaders() {}

  /** Normalises a "Reason for Control" string ("NS, RS, MT, NP, AT (see…)") to its codes. */
  public static List<String> reasons(String raw) {
    List<String> out = new ArrayList<>();
    if (raw == null) {
      return out;
    }
    Matcher m = REASON_TOKEN.matcher(raw);
    while (m.find()) {
      String r = m.group(1);
      if (REASONS.contains(r) && !out.contains(r)) {
        out.add(r);
      }
    }
    return out;
  }

  /** Reads {@code us-ear-ccl-*.json} (fields eccn, heading, reasonForControl, countryChart …). */
  public static ControlListVersion readJson(Path file) {
    JsonNode root = ReferenceFiles.readJson(file);
    String name = file.toString();
    LocalDate date = LocalDate.parse(ReferenceFiles.required(root, "ecfrIssueDate", name));
    JsonNode entries = root.get("entries");
    if (entries == null || !entries.isArray()) {
      throw new ReferenceDataException(name + ": 'entries' is not an array");
    }
    List<ControlEntry> out = new ArrayList<>();
    int i = 0;
    for (JsonNode e : entries) {
      String where = name + ": entries[" + i++ + "]";
      ControlEntryCode eccn = code(ReferenceFiles.required(e, "eccn", where), where);
      List<UsControl> controls = new ArrayList<>();
      JsonNode chart = e.get("countryChart");
      if (chart != null && chart.isArray()) {
        for (JsonNode c : chart) {
          controls.add(
              UsControl.parse(
                  eccn, ReferenceFiles.text(c, "control"), ReferenceFiles.text(c, "countryChart")));
        }
      }
      Map<String, String> exceptions = new LinkedHashMap<>();
      JsonNode flags = e.get("licenceExceptionFlags");
      if (flags != null && flags.isObject()) {
        for (Map.Entry<String, JsonNode> f : flags.properties()) {
          exceptions.put(f.getKey(), f.getValue().isNull() ? "" : f.getValue().asString());
        }
      }
      List<String> notes = new ArrayList<>();
      String related = ReferenceFiles.text(e, "relatedControls");
      if (related != null) {
        notes.add("Related Controls: " + related);
      }
      out.add(
          new ControlEntry(
              eccn,
              null,
              ReferenceFiles.text(e, "heading"),
              List.of(),
              notes,
              Regime.ofEccn(eccn),
              reasons(ReferenceFiles.text(e, "reasonForControl")),
              controls,
              exceptions));
      JsonNode items = e.get("items");
      if (items != null && items.isArray()) {
        addItems(out, eccn, items, where);
      }
    }
    return new ControlListVersion(
        LIST_ID,
        "US Commerce Control List (15 CFR Part 774 Supp. 1)",
        ListJurisdiction.US,
        new ListSource(
            "15 CFR Part 774, Supplement No. 1 (eCFR issue date " + date + ")", date, name),
        out);
  }

  private static void addItems(
      List<ControlEntry> out, ControlEntryCode eccn, JsonNode items, String where) {
    Map<ControlEntryCode, int[]> seen = new LinkedHashMap<>();
    for (JsonNode it : items) {
      String paragraph = ReferenceFiles.text(it, "paragraph");
      if (!"item".equals(ReferenceFiles.text(it, "kind")) || paragraph == null) {
        continue;
      }
      ControlEntryCode code = code(eccn.value() + "." + paragraph, where);
      if (seen.putIfAbsent(code, new int[0]) != null) {
        continue; // repeated paragraph labels in the source: the first wins
      }
      out.add(
          ControlEntry.of(
              code, ReferenceFiles.text(it, "text"), List.of(), List.of(), Regime.ofEccn(eccn)));
    }
  }

  /**
   * Imports the official eCFR XML of Part 774: ECCN headings ({@code <FP-2><B>3A001 …}), the Reason
   * for Control line, the License Requirements table, the list-based licence exception lines and
   * the Items paragraphs ({@code <P>a.1. …}).
   */
  public static ControlListVersion readEcfrXml(Path file, LocalDate issueDate) {
    List<EcfrXml.Node> nodes = EcfrXml.read(file, "Supplement No. 1 to Part 774");
    if (nodes.isEmpty()) {
      throw new ReferenceDataException(file + ": no 'Supplement No. 1 to Part 774' found");
    }
    List<ControlEntry> out = new ArrayList<>();
    Current cur = null;
    for (EcfrXml.Node node : nodes) {
      if (node instanceof EcfrXml.Para p) {
        Matcher h = ECCN_HEADING.matcher(p.text());
        if ("FP-2".equals(p.tag()) && h.matches() && !p.inNote()) {
          if (cur != null) {
            cur.flush(out);
          }
          cur = new Current(code(h.group(1), file + ": line " + p.line()), h.group(2));
          continue;
        }
        if (cur == null) {
          continue;
        }
        String t = p.text();
        if (t.startsWith("Reason for Control:")) {
          cur.reasons = reasons(t.substring("Reason for Control:".length()));
        } else if (t.startsWith("Items:")) {
          cur.inItems = true;
        } else if (t.startsWith("Related Controls:")) {
          cur.notes.add(t);
        } else if (t.startsWith("Related Definitions:")) {
          continue; // the JSON derivation omits them; keeping both forms comparable matters more
        } else if (!cur.inItems && !p.inNote() && CONTROL_SENTENCE.matcher(t).matches()) {
          // License requirements written as text ("AT applies to entire entry. A license is
          // required … to Iran and North Korea.") instead of a table row.
          Matcher m = CONTROL_SENTENCE.matcher(t);
          m.matches();
          // "SL and AT apply to entire entry." gives one row per reason.
          for (String reason :
              m.group(1).replace(" apply", "").replace(" applies", "").split(" and ")) {
            cur.controls.add(
                UsControl.parse(cur.eccn, reason + " applies" + m.group(2), m.group(3)));
          }
        } else if (!cur.inItems && "FP-1".equals(p.tag()) && EXCEPTION_LINE.matcher(t).matches()) {
          Matcher m = EXCEPTION_LINE.matcher(t);
          m.matches();
          cur.exceptions.put(m.group(1), m.group(2));
          cur.lastException = m.group(1);
        } else if (!cur.inItems && "P".equals(p.tag()) && cur.lastException != null) {
          // "Yes for:" / "$1500: 3A001.c." lines continue the licence exception above them.
          cur.exceptions.merge(cur.lastException, t, (a, b) -> a + " " + b);
        } else if (cur.inItems) {
          Matcher m = ITEM.matcher(t);
          if ("P".equals(p.tag()) && !p.inNote() && m.matches()) {
            cur.addItem(m.group(1), m.group(2));
          } else {
            cur.note(t);
          }
        }
      } else if (node instanceof EcfrXml.Table table && cur != null && !cur.inItems) {
        for (List<EcfrXml.Cell> row : table.rows()) {
          if (row.size() >= 2 && !row.get(0).text().isEmpty()) {
            cur.controls.add(UsControl.parse(cur.eccn, row.get(0).text(), row.get(1).text()));
          } else if (row.size() == 1 && !row.get(0).text().isEmpty()) {
            // A row spanning both columns: "CB applies to entire entry CB Column 2."
            Matcher m = SINGLE_CELL_ROW.matcher(row.get(0).text());
            cur.controls.add(
                m.matches()
                    ? UsControl.parse(cur.eccn, m.group(1), m.group(2))
                    : UsControl.parse(cur.eccn, row.get(0).text(), row.get(0).text()));
          }
        }
      }
    }
    if (cur != null) {
      cur.flush(out);
    }
    return new ControlListVersion(
        LIST_ID,
        "US Commerce Control List (15 CFR Part 774 Supp. 1)",
        ListJurisdiction.US,
        new ListSource(
            "15 CFR Part 774, Supplement No. 1 (eCFR versioner XML, " + issueDate + ")",
            issueDate,
            file.toString()),
        out);
  }

  private static ControlEntryCode code(String raw, String where) {
    try {
      return ControlEntryCode.of(raw);
    } catch (IllegalArgumentException e) {
      throw new ReferenceDataException(where + ": " + e.getMessage(), e);
    }
  }

  private static final class Current {
    final ControlEntryCode eccn;
    final String heading;
    List<String> reasons = List.of();
    final List<UsControl> controls = new ArrayList<>();
    final Map<String, String> exceptions = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    String lastException;
    boolean inItems;
    final Map<ControlEntryCode, ItemText> items = new LinkedHashMap<>();
    ItemText lastItem;

    Current(ControlEntryCode eccn, String heading) {
      this.eccn = eccn;
      this.heading = heading;
    }

    void addItem(String paragraph, String text) {
      ControlEntryCode c = ControlEntryCode.of(eccn.value() + "." + paragraph);
      ItemText it = items.get(c);
      if (it == null) {
        it = new ItemText(text);
        items.put(c, it);
      }
      lastItem = it;
    }

    void note(String text) {
      if (lastItem != null) {
        lastItem.notes.add(text);
      } else {
        notes.add(text);
      }
    }

    void flush(List<ControlEntry> out) {
      out.add(
          new ControlEntry(
              eccn,
              null,
              heading,
              List.of(),
              notes,
              Regime.ofEccn(eccn),
              reasons,
              controls,
              exceptions));
      items.forEach((c, it) ->
          out.add(ControlEntry.of(c, it.text, List.of(), it.notes, Regime.ofEccn(eccn))));
    }
  }

  private static final class ItemText {
    final String text;
    final List<String> notes = new ArrayList<>();

    ItemText(String text) {
      this.text = text;
    }
  }
}
