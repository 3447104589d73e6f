package org.openstc.screening.matching;

/** Which scale hits are scored on. */
public enum ScoringMode {
  /** OpenSTC's graded, explainable score with secondary facts (the default). */
  GRADED,
  /** OFAC Sanctions List Search compatible: name-only Jaro-Winkler score divided by 100. */
  OFAC
}
