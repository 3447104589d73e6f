package org.openstc.screening.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openstc.screening.watchlist.ListedEntity;

/**
 * The measured targets on the shared real data (skipped when the folder is absent): name bench F1,
 * OFAC-mode agreement, UN positives recall, and the alert rate on a sample of the negatives. The
 * full negatives run is in {@link MatchingEvaluation}.
 */
class RealDataAccuracyTest {

  private static Path data;

  @BeforeAll
  static void locateData() {
    String dir = System.getProperty("openstc.shared.data", "../shared/data");
    data = Path.of(dir);
  }

  private static Path matching(String file) {
    Path p = data.resolve("matching").resolve(file);
    assumeTrue(Files.isRegularFile(p), "shared data absent: " + p);
    return p;
  }

  @Test
  void nameBenchF1ReachesTarget() throws Exception {
    NameBench.Result result = new NameBench().run(matching("nomenklatura-name-bench-cases.csv"));
    assertThat(result.best().f1()).isGreaterThanOrEqualTo(0.85);
  }

  @Test
  void ofacModeAgreesWithOfacWithinFivePoints() throws Exception {
    OfacFixtures.Result result = new OfacFixtures().run(matching("ofac-search-fixtures.csv"), 5);
    assertThat(result.agreement()).isGreaterThanOrEqualTo(0.90);
  }

  @Test
  void unPositivesAreFoundAndNegativesRarelyAlert() throws Exception {
    Path un = data.resolve("sanctions/un/consolidated-2026-02-27.xml");
    Path sdn = data.resolve("sanctions/ofac/sdn-2021-07-07");
    Path cons = data.resolve("sanctions/ofac/cons-2025-12-19");
    assumeTrue(Files.exists(un) && Files.exists(sdn) && Files.exists(cons), "lists absent");
    List<ListedEntity> unList = MatchingEvaluation.load(un);
    Screener unOnly = Screener.build(unList);
    List<ScreeningQuery> untreated =
        MatchingEvaluation.people(matching("yente-positives_un_untreated.csv"), 0);
    List<ScreeningQuery> treated =
        MatchingEvaluation.people(matching("yente-positives_un_treated.csv"), 0);
    assertThat(MatchingEvaluation.hitRate(unOnly, untreated)).isGreaterThanOrEqualTo(0.99);
    assertThat(MatchingEvaluation.hitRate(unOnly, treated)).isGreaterThanOrEqualTo(0.97);

    List<ListedEntity> all = new ArrayList<>(unList);
    all.addAll(MatchingEvaluation.load(sdn));
    all.addAll(MatchingEvaluation.load(cons));
    Screener full = Screener.build(all);
    for (String file : List.of("yente-negatives_global.csv", "yente-negatives_us.csv")) {
      List<ScreeningQuery> negatives = MatchingEvaluation.people(matching(file), 2000);
      double alertRate = MatchingEvaluation.hitRate(full, negatives);
      assertThat(alertRate).as(file).isLessThanOrEqualTo(0.01);
    }
  }
}
