package org.openstc.screening.watchlist;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Lenient parsing of the listing and publication dates lists print in many shapes. */
final class Dates {

  private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/uuuu");
  private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("d/M/uuuu");

  private Dates() {}

  /** ISO date or the date part of an ISO date-time; null when absent or unreadable. */
  static LocalDate iso(String text) {
    String t = Text.clean(text);
    if (t == null || t.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(t.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Month-first US date (05/06/2024). */
  static LocalDate us(String text) {
    return pattern(text, US);
  }

  /** Day-first UK date (10/09/2026). */
  static LocalDate dayFirst(String text) {
    return pattern(text, UK);
  }

  private static LocalDate pattern(String text, DateTimeFormatter format) {
    String t = Text.clean(text);
    if (t == null) {
      return null;
    }
    try {
      return LocalDate.parse(t, format);
    } catch (DateTimeParseException e) {
      return iso(t);
    }
  }
}
