package org.openstc.screening.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OfacScorerTest {

  private final OfacScorer ofac = new OfacScorer();

  @Test
  void reproducesOfacScoresForReorderedAndMisspelledNames() {
    assertThat(ofac.score("VLADIMIR PUTIN", "PUTIN, Vladimir")).isEqualTo(100);
    assertThat(ofac.score("PUTIN", "PUTIN, Vladimir Vladimirovich")).isEqualTo(100);
    assertThat(ofac.score("VLADIMR PUTIN", "PUTIN, Vladimir")).isBetween(94, 100);
  }

  @Test
  void dropsShortTokensLikeOfac() {
    assertThat(ofac.score("J.P. MORGAN", "MORGAN HUERTA, Jose Arnoldo")).isEqualTo(100);
  }

  @Test
  void doesNotTransliterate() {
    assertThat(ofac.score("Владимир Путин", "PUTIN, Vladimir")).isZero();
  }

  @Test
  void jaroWinklerOfKnownPair() {
    assertThat(OfacScorer.jaroWinkler("martha", "marhta")).isBetween(0.96, 0.962);
  }
}
