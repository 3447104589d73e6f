package org.openstc.controls.country;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column of the Commerce Country Chart (15 CFR Part 738 Supp. 1), a reason for control with its
 * column number, such as {@code NS 2}.
 */
public record ChartColumn(String reason, int number) {

  private static final Pattern COLUMN =
      Pattern.compile("\\b([A-Z]{2})\\s*(?:Column\\s*)?([123])\\b", Pattern.CASE_INSENSITIVE);

  public ChartColumn {
    if (reason == null || !reason.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException("reason for control must be two capitals: " + reason);
    }
    if (number < 1 || number > 3) {
      throw new IllegalArgumentException("country chart column must be 1 to 3: " + number);
    }
  }

  /** Parses {@code "NS Column 2."} or {@code "NS 2"}; returns null when the text names none. */
  public static ChartColumn parse(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = COLUMN.matcher(text.strip());
    if (m.lookingAt()) {
      return new ChartColumn(m.group(1).toUpperCase(Locale.ROOT), Integer.parseInt(m.group(2)));
    }
    return null;
  }

  /** The label used in the chart header and in reasons, e.g. {@code NS2}. */
  public String label() {
    return reason + number;
  }

  @Override
  public String toString() {
    return reason + " " + number;
  }
}
