package org.openstc.screening.matching;

import java.util.Objects;

/**
 * One step of a name comparison, kept to explain a hit: which query token(s) matched which list
 * token(s), how similar they are and by which rule.
 *
 * @param queryText the query token, or two joined query tokens ("gazprom bank")
 * @param listText the list token, or two joined list tokens
 * @param similarity token similarity in [0,1]
 * @param rule how they matched: exact, edit, phonetic, initial, join, acronym, legal-form
 */
public record TokenAlignment(String queryText, String listText, double similarity, String rule) {
  public TokenAlignment {
    Objects.requireNonNull(queryText, "queryText");
    Objects.requireNonNull(listText, "listText");
    Objects.requireNonNull(rule, "rule");
    if (!(similarity >= 0 && similarity <= 1)) {
      throw new IllegalArgumentException("similarity out of [0,1]: " + similarity);
    }
  }
}
