package org.openstc.screening.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameScorerTest {

  private final NameNormaliser normaliser = NameNormaliser.shared();
  private final NameScorer scorer = new NameScorer();

  private double score(String query, String list) {
    return scorer.score(normaliser.forms(query), normaliser.forms(list));
  }

  @Test
  void nameOrderDoesNotMatter() {
    assertThat(score("George Bush", "BUSH, George")).isEqualTo(1.0);
  }

  @Test
  void similarFirstNameDoesNotMakeAMatch() {
    assertThat(score("George Bush", "George Habbash")).isLessThan(0.6);
  }

  @Test
  void legalFormCountsButWeighsLittle() {
    assertThat(score("EMMA LLC", "Emma")).isLessThan(1.0).isGreaterThan(0.7);
    assertThat(score("EMMA LLC", "Emma Limited Liability Company")).isEqualTo(1.0);
    assertThat(score("EMMA LLC", "emma daniels")).isLessThan(0.7);
    assertThat(score("Emma GmbH", "Emma AG")).isLessThan(score("Emma GmbH", "Emma OOO"));
  }

  @Test
  void numbersAreSignificant() {
    assertThat(score("Fund 5", "Fund 8")).isLessThan(0.5);
    assertThat(score("Fund 5", "Fund 5")).isEqualTo(1.0);
  }

  @Test
  void splitAndJoinedTokensMatch() {
    assertThat(score("Gazprom Bank", "Gazprombank")).isGreaterThan(0.9);
    assertThat(score("Gazprombank", "GAZPROM BANK")).isGreaterThan(0.9);
  }

  @Test
  void singleTokenQueryNeverScoresOneAgainstALongerName() {
    assertThat(score("Putin", "PUTIN, Vladimir Vladimirovich")).isLessThan(1.0);
  }

  @Test
  void unmatchedQueryTokensCostMoreThanUnmatchedListTokens() {
    assertThat(score("Anna Maria Schmidt", "Anna Schmidt"))
        .isLessThan(score("Anna Schmidt", "Anna Maria Schmidt"));
  }

  @Test
  void shortTokensHaveAStrictEditBudget() {
    assertThat(score("Li Wei", "Lu Wei")).isLessThan(score("Lindqvist Wei", "Lindqvest Wei"));
    assertThat(NameScorer.editBudget(2)).isZero();
    assertThat(NameScorer.editBudget(4)).isEqualTo(1);
    assertThat(NameScorer.editBudget(9)).isEqualTo(2);
  }

  @Test
  void spellingVariantsMatchThroughThePhoneticSkeleton() {
    assertThat(score("Mohammed Abdel Rahman", "Muhammad Abdul Rahman")).isGreaterThan(0.85);
    assertThat(score("Evgeniy Prigozhin", "Yevgeny Prigozhin")).isGreaterThan(0.85);
    assertThat(score("Sergei Ivanoff", "Sergei Ivanov")).isGreaterThan(0.85);
  }

  @Test
  void initialsStandForWordsWithTheSameLetter() {
    assertThat(score("Hans J Friedrich", "Hans Joachim Friedrich"))
        .isGreaterThan(score("Hans O Friedrich", "Hans Joachim Friedrich"));
  }

  @Test
  void particlesWeighLittleButAreNotIgnored() {
    assertThat(score("Osama bin Laden", "Usama bin Ladin")).isGreaterThan(0.8);
    assertThat(score("Salman bin Muhammad", "Muhammad bin Salman")).isLessThan(0.8);
  }

  @Test
  void crossScriptNamesMatchThroughTransliterationAndScriptToScript() {
    assertThat(score("Владимир Путин", "Vladimir Putin")).isGreaterThan(0.8);
    assertThat(score("习近平", "习近平")).isEqualTo(1.0);
    assertThat(score("习近朋", "习近平")).isLessThan(0.8);
  }

  @Test
  void acronymMatchesItsWords() {
    assertThat(score("PLA", "People's Liberation Army")).isGreaterThan(0.8);
  }

  @Test
  void scoreIsExplained() {
    NameMatch m =
        scorer.match(
            normaliser.normalise("Vladmir Putin"), normaliser.normalise("PUTIN, Vladimir"));
    assertThat(m.score()).isBetween(0.8, 1.0);
    assertThat(m.alignment()).extracting(TokenAlignment::rule).contains("exact", "edit");
    assertThat(m.explain()).contains("putin=putin(exact)");
  }

  @Test
  void emptyNamesScoreZero() {
    assertThat(score("", "Vladimir Putin")).isZero();
    assertThat(score("\u0000", "")).isZero();
  }
}
