package org.openstc.screening.matching;

import java.util.List;
import java.util.Objects;

/**
 * The explained comparison of two names: the score, the token alignment behind it and the tokens
 * left unmatched on either side.
 *
 * @param score name similarity in [0,1]
 * @param alignment matched token pairs, best first
 * @param unmatchedQuery query tokens with no counterpart (they cost the most)
 * @param unmatchedList list-name tokens with no counterpart
 */
public record NameMatch(
    double score,
    List<TokenAlignment> alignment,
    List<String> unmatchedQuery,
    List<String> unmatchedList) {
  public NameMatch {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score out of [0,1]: " + score);
    }
    alignment = List.copyOf(Objects.requireNonNull(alignment, "alignment"));
    unmatchedQuery = List.copyOf(Objects.requireNonNull(unmatchedQuery, "unmatchedQuery"));
    unmatchedList = List.copyOf(Objects.requireNonNull(unmatchedList, "unmatchedList"));
  }

  /** A readable one-line account: "putin=putin(exact) vladimir=vladimir(exact); -query[] ...". */
  public String explain() {
    StringBuilder sb = new StringBuilder();
    for (TokenAlignment a : alignment) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(a.queryText()).append('=').append(a.listText()).append('(').append(a.rule());
      if (a.similarity() < 1) {
        sb.append(' ').append(String.format(java.util.Locale.ROOT, "%.2f", a.similarity()));
      }
      sb.append(')');
    }
    if (!unmatchedQuery.isEmpty()) {
      sb.append("; unmatched query ").append(unmatchedQuery);
    }
    if (!unmatchedList.isEmpty()) {
      sb.append("; unmatched list ").append(unmatchedList);
    }
    return sb.toString();
  }
}
