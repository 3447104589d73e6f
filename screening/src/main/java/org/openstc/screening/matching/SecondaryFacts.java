package org.openstc.screening.matching;

import java.util.List;
import java.util.Locale;
import org.openstc.screening.watchlist.BirthDate;
import org.openstc.screening.watchlist.CountryRef;
import org.openstc.screening.watchlist.EntityType;
import org.openstc.screening.watchlist.Gender;
import org.openstc.screening.watchlist.Identifier;
import org.openstc.screening.watchlist.ListedEntity;

/**
 * Moves a name score with the other facts of a query: date of birth (exact, same year, disjoint),
 * country, gender, entity type and identifiers (an exact identifier match is strong evidence).
 */
final class SecondaryFacts {

  static final double BIRTH_EXACT = 0.05;
  static final double BIRTH_YEAR = 0.02;
  static final double BIRTH_DISJOINT = -0.25;
  static final double COUNTRY_MATCH = 0.03;
  static final double COUNTRY_MISMATCH = -0.05;
  static final double GENDER_MISMATCH = -0.10;
  static final double TYPE_MISMATCH = -0.10;

  /** A person is never a company, vessel or aircraft: a stronger contradiction. */
  static final double PERSON_TYPE_MISMATCH = -0.30;

  static final double IDENTIFIER_MATCH = 0.30;

  /**
   * The most {@link #adjust} can raise a name score for this query without an identifier match:
   * only a birth date and a country add; type and gender only subtract.
   */
  static double maxBoost(Prepared q) {
    return (q.birthDate() != null && q.birthDate().earliest() != null ? BIRTH_EXACT : 0)
        + (q.countryCode() != null ? COUNTRY_MATCH : 0);
  }

  private SecondaryFacts() {}

  /** Query facts prepared once per query. */
  record Prepared(
      EntityType type, BirthDate birthDate, String countryCode, Gender gender, List<String> ids) {
    static Prepared of(ScreeningQuery q) {
      String code = null;
      if (q.country() != null && !q.country().isBlank()) {
        code = COUNTRY_CODES.computeIfAbsent(q.country(), SecondaryFacts::resolveCountry);
        code = code.isEmpty() ? null : code;
      }
      List<String> ids =
          q.identifiers().stream()
              .map(SecondaryFacts::normaliseId)
              .filter(s -> s.length() >= 4)
              .toList();
      Gender g = q.gender() == null || q.gender() == Gender.UNKNOWN ? null : q.gender();
      EntityType t = q.type() == null || q.type() == EntityType.UNKNOWN ? null : q.type();
      return new Prepared(t, q.birthDate(), code, g, ids);
    }
  }

  /** Resolved country codes ("" when unresolved); bounded by the number of country spellings. */
  private static final java.util.Map<String, String> COUNTRY_CODES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static String resolveCountry(String text) {
    if (COUNTRY_CODES.size() > 10_000) {
      COUNTRY_CODES.clear();
    }
    try {
      String code = CountryRef.of(text).code();
      return code == null ? "" : code;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  static String normaliseId(String raw) {
    StringBuilder sb = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(Character.toUpperCase(c));
      }
    }
    return sb.toString();
  }

  /** Applies the facts to a name score, recording each adjustment in {@code notes} when given. */
  static double adjust(double nameScore, Prepared q, ListedEntity e, List<String> notes) {
    double s = nameScore;
    if (q.type() != null && e.type() != EntityType.UNKNOWN && q.type() != e.type()) {
      boolean person = q.type() == EntityType.PERSON || e.type() == EntityType.PERSON;
      s +=
          note(
              notes,
              "type " + e.type().name().toLowerCase(Locale.ROOT),
              person ? PERSON_TYPE_MISMATCH : TYPE_MISMATCH);
    }
    if (q.birthDate() != null && q.birthDate().earliest() != null && !e.birthDates().isEmpty()) {
      s += birth(q.birthDate(), e.birthDates(), notes);
    }
    if (q.countryCode() != null) {
      boolean any = false;
      boolean match = false;
      for (List<CountryRef> refs : List.of(e.nationalities(), e.citizenships(), e.countries())) {
        for (CountryRef c : refs) {
          if (c.code() != null) {
            any = true;
            match |= c.code().equals(q.countryCode());
          }
        }
      }
      if (match) {
        s += note(notes, "country match", COUNTRY_MATCH);
      } else if (any) {
        s += note(notes, "country differs", COUNTRY_MISMATCH);
      }
    }
    if (q.gender() != null
        && e.gender() != Gender.UNKNOWN
        && e.gender() != Gender.OTHER
        && q.gender() != Gender.OTHER
        && q.gender() != e.gender()) {
      s += note(notes, "gender differs", GENDER_MISMATCH);
    }
    if (!q.ids().isEmpty() && hasIdentifier(e, q.ids())) {
      s = Math.max(s + IDENTIFIER_MATCH, 0.95);
      note(notes, "identifier match", IDENTIFIER_MATCH);
    }
    return Math.max(0, Math.min(1, s));
  }

  static boolean hasIdentifier(ListedEntity e, List<String> ids) {
    for (Identifier id : e.identifiers()) {
      String v = normaliseId(id.value());
      for (String q : ids) {
        if (v.equals(q)) {
          return true;
        }
      }
    }
    return false;
  }

  private static double birth(BirthDate q, List<BirthDate> listed, List<String> notes) {
    boolean anyKnown = false;
    boolean exact = false;
    boolean sameYear = false;
    boolean near = false;
    for (BirthDate b : listed) {
      if (b.earliest() == null) {
        continue;
      }
      anyKnown = true;
      boolean overlap = !q.latest().isBefore(b.earliest()) && !q.earliest().isAfter(b.latest());
      if (overlap
          && q.precision() == BirthDate.Precision.DAY
          && b.precision() == BirthDate.Precision.DAY) {
        exact = true;
      } else if (overlap) {
        sameYear = true;
      } else if (q.earliest().getYear() - 1 <= b.latest().getYear()
          && q.latest().getYear() + 1 >= b.earliest().getYear()) {
        // Lists and data entry confuse adjacent years; one year off is not a contradiction.
        near = true;
      }
    }
    if (exact) {
      return note(notes, "birth date exact", BIRTH_EXACT);
    }
    if (sameYear) {
      return note(notes, "birth year match", BIRTH_YEAR);
    }
    if (anyKnown && !near) {
      return note(notes, "birth date disjoint", BIRTH_DISJOINT);
    }
    return 0;
  }

  private static double note(List<String> notes, String what, double delta) {
    if (notes != null) {
      notes.add(String.format(Locale.ROOT, "%s %+.2f", what, delta));
    }
    return delta;
  }
}
