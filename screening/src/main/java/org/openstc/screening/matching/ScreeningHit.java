package org.openstc.screening.matching;

import java.util.List;
import java.util.Objects;
import org.openstc.screening.watchlist.ListedEntity;
import org.openstc.screening.watchlist.Name;

/**
 * A listed entity that a query may be, with the evidence: the final score, the name score, the list
 * name that matched best (with its kind and strength), the token alignment and every qualifier
 * (date of birth, country, gender, type, identifier) that moved the score.
 *
 * @param entity the listed entity
 * @param score final score in [0,1]
 * @param nameScore similarity of the query name and {@link #matchedName()} in [0,1]
 * @param matchedName the list name that matched best
 * @param match token alignment behind the name score
 * @param qualifiers adjustments applied, e.g. "birth date exact +0.05"
 */
public record ScreeningHit(
    ListedEntity entity,
    double score,
    double nameScore,
    Name matchedName,
    NameMatch match,
    List<String> qualifiers) {
  public ScreeningHit {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(matchedName, "matchedName");
    Objects.requireNonNull(match, "match");
    qualifiers = List.copyOf(qualifiers);
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score out of [0,1]: " + score);
    }
  }

  /** A one-line account of why this is a hit. */
  public String explain() {
    return String.format(
        java.util.Locale.ROOT,
        "%.2f %s [%s %s] %s%s",
        score,
        matchedName.full(),
        matchedName.kind(),
        matchedName.strength(),
        match.explain(),
        qualifiers.isEmpty() ? "" : " " + qualifiers);
  }
}
