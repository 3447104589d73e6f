package org.openstc.screening.watchlist;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date of birth as precise as the list gives it: an exact day, a month, a year or a range of
 * years, possibly approximate. {@link #earliest()} and {@link #latest()} bound the possible days
 * (both {@code null} only when the text could not be read, see {@link #raw()}).
 *
 * @param precision how much of the date the list states
 * @param earliest first possible day, or {@code null} when unparsed
 * @param latest last possible day, or {@code null} when unparsed
 * @param approximate the list says "circa" / "approximately"
 * @param raw the date as printed on the list, or {@code null} when built from structured data
 */
public record BirthDate(
    Precision precision, LocalDate earliest, LocalDate latest, boolean approximate, String raw) {

  /** How much of a date the list states. */
  public enum Precision {
    DAY,
    MONTH,
    YEAR,
    RANGE,
    UNPARSED
  }

  public BirthDate {
    Objects.requireNonNull(precision, "precision");
    raw = Text.clean(raw);
    if (precision == Precision.UNPARSED) {
      if (raw == null) {
        throw new IllegalArgumentException("an unparsed birth date needs its raw text");
      }
      earliest = null;
      latest = null;
    } else {
      Objects.requireNonNull(earliest, "earliest");
      Objects.requireNonNull(latest, "latest");
      if (latest.isBefore(earliest)) {
        throw new IllegalArgumentException("birth date range ends before it starts: " + raw);
      }
    }
  }

  public static BirthDate exact(LocalDate day) {
    return new BirthDate(Precision.DAY, day, day, false, null);
  }

  public static BirthDate month(YearMonth month) {
    return new BirthDate(Precision.MONTH, month.atDay(1), month.atEndOfMonth(), false, null);
  }

  public static BirthDate year(int year) {
    return new BirthDate(
        Precision.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), false, null);
  }

  public static BirthDate years(int fromYear, int toYear) {
    int from = Math.min(fromYear, toYear);
    int to = Math.max(fromYear, toYear);
    return new BirthDate(
        Precision.RANGE, LocalDate.of(from, 1, 1), LocalDate.of(to, 12, 31), false, null);
  }

  public static BirthDate between(LocalDate from, LocalDate to) {
    return new BirthDate(Precision.RANGE, from, to, false, null);
  }

  /**
   * A date from first and last possible day, with the precision inferred: one day, one whole month,
   * one whole year, else a range.
   */
  public static BirthDate within(LocalDate first, LocalDate last) {
    if (first.equals(last)) {
      return exact(first);
    }
    if (first.getDayOfMonth() == 1 && last.equals(YearMonth.from(first).atEndOfMonth())) {
      return month(YearMonth.from(first));
    }
    if (first.getDayOfYear() == 1
        && last.getYear() == first.getYear()
        && last.getMonthValue() == 12
        && last.getDayOfMonth() == 31) {
      return year(first.getYear());
    }
    return between(first, last);
  }

  public static BirthDate unparsed(String raw) {
    return new BirthDate(Precision.UNPARSED, null, null, false, raw);
  }

  public BirthDate approximately() {
    return new BirthDate(precision, earliest, latest, true, raw);
  }

  public BirthDate withRaw(String text) {
    return new BirthDate(precision, earliest, latest, approximate, text);
  }

  /** Whether the given day is possible for this date of birth. */
  public boolean admits(LocalDate day) {
    return earliest != null && !day.isBefore(earliest) && !day.isAfter(latest);
  }

  /** Whether any day of the given year is possible for this date of birth. */
  public boolean admitsYear(int year) {
    return earliest != null && earliest.getYear() <= year && latest.getYear() >= year;
  }

  private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("(\\d{1,2})[ -]([A-Za-z]{3,9})\\.?[ -,]*(\\d{4})");
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile("([A-Za-z]{3,9})\\.? (\\d{1,2}),? (\\d{4})");
  private static final Pattern MONTH_YEAR = Pattern.compile("([A-Za-z]{3,9})\\.?[ -,]*(\\d{4})");
  private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})[./](\\d{1,2})[./](\\d{4})");
  private static final Pattern PLACEHOLDERS =
      Pattern.compile("(dd|\\d{1,2})/(mm|\\d{1,2})/(\\d{4})", Pattern.CASE_INSENSITIVE);
  private static final Pattern YEARS =
      Pattern.compile(
          "(?:between |from )?(\\d{4}) ?(?:to|-|–|and) ?(\\d{4})", Pattern.CASE_INSENSITIVE);
  private static final Pattern APPROX =
      Pattern.compile(
          "^(?:circa|ca\\.?|c\\.|approx(?:imately|\\.)?|about)\\s+", Pattern.CASE_INSENSITIVE);

  /**
   * Reads the date spellings lists use: "1970-01-12", "12 Jan 1970", "Jan 1970", "1970", "1959 to
   * 1961", "circa 1965", "12/01/1970" (day first). Anything else becomes {@link #unparsed}.
   */
  public static BirthDate parse(String text) {
    String raw = Text.clean(text);
    if (raw == null) {
      throw new IllegalArgumentException("birth date text must not be blank");
    }
    String t = raw;
    boolean approx = false;
    Matcher a = APPROX.matcher(t);
    if (a.find()) {
      approx = true;
      t = t.substring(a.end()).strip();
    }
    BirthDate parsed = parseExact(t);
    if (parsed == null) {
      return unparsed(raw);
    }
    parsed = parsed.withRaw(raw);
    return approx ? parsed.approximately() : parsed;
  }

  private static BirthDate parseExact(String t) {
    try {
      Matcher m = ISO.matcher(t);
      if (m.matches()) {
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) == null) {
          return year(year);
        }
        int month = Integer.parseInt(m.group(2));
        if (m.group(3) == null) {
          return month(YearMonth.of(year, month));
        }
        int day = Integer.parseInt(m.group(3));
        if (month == 0 || day == 0) {
          // Some lists write unknown parts as zeros (1970-00-00).
          return month == 0 ? year(year) : month(YearMonth.of(year, month));
        }
        return exact(LocalDate.of(year, month, day));
      }
      m = YEARS.matcher(t);
      if (m.matches()) {
        return years(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      }
      m = DAY_MONTH_YEAR.matcher(t);
      if (m.matches()) {
        Month month = month(m.group(2));
        if (month != null) {
          return exact(
              LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1))));
        }
      }
      m = MONTH_DAY_YEAR.matcher(t);
      if (m.matches()) {
        Month month = month(m.group(1));
        if (month != null) {
          return exact(
              LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2))));
        }
      }
      m = MONTH_YEAR.matcher(t);
      if (m.matches()) {
        Month month = month(m.group(1));
        if (month != null) {
          return month(YearMonth.of(Integer.parseInt(m.group(2)), month));
        }
      }
      m = PLACEHOLDERS.matcher(t);
      if (m.matches() && (m.group(1).equalsIgnoreCase("dd") || m.group(2).equalsIgnoreCase("mm"))) {
        int year = Integer.parseInt(m.group(3));
        // The UK list writes unknown day or month as "dd" / "mm".
        return m.group(2).equalsIgnoreCase("mm")
            ? year(year)
            : month(YearMonth.of(year, Integer.parseInt(m.group(2))));
      }
      m = NUMERIC.matcher(t);
      if (m.matches()) {
        return exact(
            LocalDate.of(
                Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(1))));
      }
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
    return null;
  }

  private static Month month(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.length() < 3) {
      return null;
    }
    if (n.equals("sept")) {
      return Month.SEPTEMBER;
    }
    for (Month month : Month.values()) {
      if (month.name().toLowerCase(Locale.ROOT).startsWith(n)) {
        return month;
      }
    }
    return null;
  }

  /** A stable textual form used in fingerprints and deltas. */
  String canonical() {
    return precision == Precision.UNPARSED
        ? "?" + raw
        : precision + ":" + earliest + ".." + latest + (approximate ? "~" : "");
  }
}
