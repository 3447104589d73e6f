package org.openstc.controls.list;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openstc.controls.country.ChartColumn;

/**
 * One row of an ECCN's License Requirements table: a reason for control, the paragraphs it applies
 * to, and the Country Chart column (or the text that replaces it, e.g. "See § 746.1").
 */
public record UsControl(
    String reason,
    String appliesTo,
    String countryChartText,
    ChartColumn column,
    boolean entireEntry,
    List<ControlEntryCode> includedParagraphs,
    List<ControlEntryCode> excludedParagraphs,
    String conditionalException) {

  private static final Pattern FULL_REF =
      Pattern.compile("\\b(\\d[A-E]\\d{3})((?:\\.[a-z0-9]{1,3})+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern RELATIVE_REF =
      Pattern.compile(
          "(?<![A-Za-z0-9])(?:\\.([a-z](?:\\.\\d{1,2}(?:\\.[a-z](?:\\.\\d{1,2})?)?)?)|([a-z]\\.\\d{1,2}(?:\\.[a-z](?:\\.\\d{1,2})?)?))(?![A-Za-z0-9])");
  private static final Pattern EXCEPT = Pattern.compile("\\bexcept\\b", Pattern.CASE_INSENSITIVE);

  public UsControl {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason for control is blank");
    }
    appliesTo = appliesTo == null ? "" : appliesTo;
    countryChartText = countryChartText == null ? "" : countryChartText;
    includedParagraphs = List.copyOf(includedParagraphs);
    excludedParagraphs = List.copyOf(excludedParagraphs);
  }

  /**
   * Reads one table row ("NS applies to 3A001.b.2 …", "NS Column 1.") of entry {@code eccn}.
   * Paragraph references, full ("3A001.b.2") or relative (".b", "z.1.a"), say which sub-paragraphs
   * the row reaches; an "except" clause made only of references excludes those, a descriptive one
   * is kept as a condition for the reader.
   */
  public static UsControl parse(ControlEntryCode eccn, String controlText, String chartText) {
    String text = controlText == null ? "" : controlText.strip().replaceAll("\\s+", " ");
    String reason = text.length() >= 2 ? text.substring(0, 2).toUpperCase(Locale.ROOT) : "??";
    if (!reason.matches("[A-Z]{2}")) {
      reason = "??";
    }
    Matcher ex = EXCEPT.matcher(text);
    String include = text;
    String except = "";
    if (ex.find()) {
      include = text.substring(0, ex.start());
      except = text.substring(ex.end());
    }
    boolean entire = include.toLowerCase(Locale.ROOT).contains("entire entry");
    List<ControlEntryCode> included = entire ? List.of() : references(eccn, include);
    List<ControlEntryCode> excluded = references(eccn, except);
    String conditional = null;
    if (!except.isBlank()) {
      String residue = stripReferences(except);
      if (residue.length() > 40 || excluded.isEmpty()) {
        // A descriptive exception ("turning machines … no greater than 35 mm") cannot be decided
        // from the classification alone: keep the row and show the exception to the reader.
        conditional = except.strip().replaceFirst("^[:;,.\\s]+", "");
        excluded = List.of();
      }
    }
    ChartColumn column = ChartColumn.parse(chartText);
    if (column == null
        && chartText != null
        && chartText.strip().matches("(?i)column\\s*[123]\\.?")) {
      // Some rows print only "Column 1." and leave the reason to the control text.
      column = ChartColumn.parse(reason + " " + chartText.strip());
    }
    if (column != null && !column.reason().equals(reason) && !"??".equals(reason)) {
      column = null;
    }
    return new UsControl(
        reason,
        text,
        chartText == null ? "" : chartText.strip().replaceAll("\\s+", " "),
        column,
        entire || included.isEmpty(),
        included,
        excluded,
        conditional);
  }

  /** The paragraph references (full or relative to {@code eccn}) found in a text. */
  public static List<ControlEntryCode> references(ControlEntryCode eccn, String text) {
    java.util.ArrayList<ControlEntryCode> refs = new java.util.ArrayList<>();
    Matcher full = FULL_REF.matcher(text);
    StringBuilder rest = new StringBuilder();
    int last = 0;
    while (full.find()) {
      refs.add(ControlEntryCode.of(full.group(1) + full.group(2)));
      rest.append(text, last, full.start()).append(' ');
      last = full.end();
    }
    rest.append(text.substring(last));
    Matcher rel = RELATIVE_REF.matcher(rest);
    while (rel.find()) {
      String p = rel.group(1) != null ? rel.group(1) : rel.group(2);
      refs.add(ControlEntryCode.of(eccn.heading().value() + "." + p));
    }
    return refs;
  }

  private static String stripReferences(String text) {
    String s = FULL_REF.matcher(text).replaceAll(" ");
    s = RELATIVE_REF.matcher(s).replaceAll(" ");
    return s.replaceAll("(?i)\\b(and|or|the|paragraphs?|of|this|entry)\\b", " ")
        .replaceAll("[\\s,;:.()]+", "");
  }

  /**
   * Whether this row reaches an item classified under {@code code}. A heading-level classification
   * reaches every row, because the paragraph that would exclude it is unknown.
   */
  public boolean reaches(ControlEntryCode code) {
    for (ControlEntryCode x : excludedParagraphs) {
      if (x.covers(code)) {
        return false;
      }
    }
    if (entireEntry || code.isHeading()) {
      return true;
    }
    for (ControlEntryCode p : includedParagraphs) {
      if (p.covers(code) || code.covers(p)) {
        return true;
      }
    }
    return false;
  }
}
