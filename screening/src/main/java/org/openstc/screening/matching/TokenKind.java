package org.openstc.screening.matching;

/** What a name token is, which decides how it is compared and how much it weighs in a score. */
public enum TokenKind {
  /** An ordinary name word: compared with an edit budget and a phonetic skeleton. */
  WORD(1.0f),
  /** A digit run: significant, compared exactly ("Fund 5" is not "Fund 8"). */
  NUMBER(1.0f),
  /** A single letter standing for a word ("J." for "Joachim"). */
  INITIAL(0.5f),
  /** A name particle such as al, bin, ibn, abu, van, der, de, la: down-weighted, never ignored. */
  PARTICLE(0.3f),
  /** An honorific or title such as Mr, Dr, Sheikh, President: nearly weightless. */
  TITLE(0.15f),
  /** An organisation legal form mapped to its canonical class ("~llc", "~jsc", "~corp" ...). */
  LEGAL_FORM(0.35f);

  private final float weight;

  TokenKind(float weight) {
    this.weight = weight;
  }

  /** The default weight of a token of this kind in a score. */
  public float weight() {
    return weight;
  }

  /** Whether a match on a token of this kind alone can carry a hit (and is therefore indexed). */
  public boolean significant() {
    return this == WORD || this == NUMBER;
  }
}
