package org.openstc.controls.country;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openstc.controls.io.EcfrXml;
import org.openstc.controls.io.ReferenceDataException;

/**
 * The Commerce Country Chart (15 CFR Part 738 Supp. 1): for each destination, the columns marked X
 * (licence required for that reason), the rows that refer to Part 746 instead, and footnotes.
 */
public final class CountryChart {

  /** One destination's row: its marks, or the pointer text for embargoed rows, and footnotes. */
  public record Row(
      String name, Set<ChartColumn> marks, String embargoPointer, List<String> footnotes) {
    public Row {
      marks = Set.copyOf(marks);
      footnotes = List.copyOf(footnotes);
    }
  }

  private final LocalDate issueDate;
  private final String source;
  private final List<ChartColumn> columns;
  private final Map<CountryCode, Row> rows;
  private final Map<CountryCode, CountryCode> inheritance;
  private final List<String> unmatchedNames;

  public CountryChart(
      LocalDate issueDate,
      String source,
      List<ChartColumn> columns,
      Map<CountryCode, Row> rows,
      Map<CountryCode, CountryCode> inheritance,
      List<String> unmatchedNames) {
    this.issueDate = issueDate;
    this.source = source;
    this.columns = List.copyOf(columns);
    this.rows = Collections.unmodifiableMap(new HashMap<>(rows));
    this.inheritance = Map.copyOf(inheritance);
    this.unmatchedNames = List.copyOf(unmatchedNames);
  }

  public LocalDate issueDate() {
    return issueDate;
  }

  public String source() {
    return source;
  }

  public List<ChartColumn> columns() {
    return columns;
  }

  /**
   * The row that governs the destination: its own, or the one it inherits under 738.3(b) (Hong Kong
   * is governed by China since 85 FR 83788; Liechtenstein by Switzerland, footnote 5).
   */
  public Optional<Row> row(CountryCode destination) {
    CountryCode governing = inheritance.getOrDefault(destination, destination);
    return Optional.ofNullable(rows.get(governing));
  }

  /** The country whose row governs the destination (itself unless it inherits one). */
  public CountryCode governingCountry(CountryCode destination) {
    return inheritance.getOrDefault(destination, destination);
  }

  /** Whether the chart has an X for the destination in the column. */
  public boolean isMarked(CountryCode destination, ChartColumn column) {
    Row r = row(destination).orElse(null);
    return r != null && r.marks().contains(column);
  }

  public Map<CountryCode, Row> rows() {
    return rows;
  }

  /** Country names in the source that could not be matched to an ISO code (should be empty). */
  public List<String> unmatchedNames() {
    return unmatchedNames;
  }

  /** Reads Supplement No. 1 to Part 738 from the official eCFR XML of Part 738. */
  public static CountryChart readEcfrXml(Path file, LocalDate issueDate, Countries countries) {
    List<EcfrXml.Node> nodes = EcfrXml.read(file, "Supplement No. 1 to Part 738");
    EcfrXml.Table table = null;
    for (EcfrXml.Node n : nodes) {
      if (n instanceof EcfrXml.Table t && !t.header().isEmpty()) {
        table = t;
        break;
      }
    }
    if (table == null) {
      throw new ReferenceDataException(file + ": no Commerce Country Chart table found");
    }
    List<EcfrXml.Cell> labels = table.header().get(table.header().size() - 1);
    List<ChartColumn> columns = new ArrayList<>();
    for (EcfrXml.Cell c : labels) {
      ChartColumn col = ChartColumn.parse(c.text());
      if (col == null) {
        throw new ReferenceDataException(
            file + ": line " + table.line() + ": header '" + c.text() + "' is not a chart column");
      }
      columns.add(col);
    }
    if (columns.size() != 16) {
      throw new ReferenceDataException(
          file + ": expected 16 chart columns, found " + columns.size() + ": " + columns);
    }
    Map<String, String> footnotes = new HashMap<>();
    List<List<EcfrXml.Cell>> countryRows = new ArrayList<>();
    for (List<EcfrXml.Cell> row : table.rows()) {
      if (row.size() == 1 && row.get(0).colspan() > 1) {
        footnotes.put(row.get(0).superscripts().strip(), row.get(0).text());
      } else {
        countryRows.add(row);
      }
    }
    Map<CountryCode, Row> rows = new LinkedHashMap<>();
    List<String> unmatched = new ArrayList<>();
    for (List<EcfrXml.Cell> row : countryRows) {
      String name = row.get(0).text();
      Optional<CountryCode> code = countries.byName(name);
      if (code.isEmpty()) {
        unmatched.add(name);
        continue;
      }
      List<String> notes = new ArrayList<>();
      for (String mark : row.get(0).superscripts().split("\\s+")) {
        if (!mark.isBlank()) {
          notes.add(mark + ": " + footnotes.getOrDefault(mark, "(footnote text missing)"));
        }
      }
      if (row.size() == 2 && row.get(1).colspan() > 1) {
        rows.put(code.get(), new Row(name, Set.of(), row.get(1).text(), notes));
        continue;
      }
      if (row.size() != 17) {
        throw new ReferenceDataException(
            file + ": row '" + name + "' has " + row.size() + " cells, expected 17");
      }
      Set<ChartColumn> marks = new HashSet<>();
      for (int i = 1; i < row.size(); i++) {
        String v = row.get(i).text();
        if ("X".equalsIgnoreCase(v)) {
          marks.add(columns.get(i - 1));
        } else if (!v.isEmpty()) {
          throw new ReferenceDataException(
              file
                  + ": row '"
                  + name
                  + "', column "
                  + columns.get(i - 1)
                  + ": unexpected '"
                  + v
                  + "'");
        }
      }
      rows.put(code.get(), new Row(name, marks, null, notes));
    }
    Map<CountryCode, CountryCode> inheritance = new HashMap<>();
    inheritance.put(CountryCode.of("HK"), CountryCode.of("CN"));
    return new CountryChart(
        issueDate,
        "15 CFR Part 738, Supplement No. 1 (Commerce Country Chart), eCFR " + issueDate,
        columns,
        rows,
        inheritance,
        unmatched);
  }
}
