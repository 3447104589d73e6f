package org.openstc.screening.matching;

import java.util.List;
import java.util.Objects;
import org.openstc.screening.watchlist.BirthDate;
import org.openstc.screening.watchlist.EntityType;
import org.openstc.screening.watchlist.Gender;

/**
 * A party to screen: a name and whatever else is known about it. Only the name is required; every
 * other fact, when given, moves the score up or down.
 *
 * @param name the name as entered
 * @param type person, organisation, vessel ... or {@code null} when unknown
 * @param birthDate date of birth, or {@code null}
 * @param country nationality, citizenship or country as a name or ISO code, or {@code null}
 * @param gender gender, or {@code null}
 * @param identifiers passport, national ID, IMO, MMSI, LEI ... numbers as written
 */
public record ScreeningQuery(
    String name,
    EntityType type,
    BirthDate birthDate,
    String country,
    Gender gender,
    List<String> identifiers) {
  public ScreeningQuery {
    Objects.requireNonNull(name, "name");
    identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
  }

  /** A query with a name only. */
  public static ScreeningQuery ofName(String name) {
    return new ScreeningQuery(name, null, null, null, null, List.of());
  }
}
