package org.openstc.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openstc.controls.country.CountryCode;
import org.openstc.controls.determination.Determination;
import org.openstc.controls.determination.DeterminationRequest;
import org.openstc.controls.determination.Outcome;
import org.openstc.controls.list.ControlEntryCode;
import org.openstc.controls.list.ControlListVersion;
import org.openstc.controls.list.EntrySearch;
import org.openstc.controls.list.ListDiff;

/** Reads the real public data in ../shared/data; skipped when it is absent. */
class SharedDataTest {

  private static ControlsReferenceData data;

  @BeforeAll
  static void load() {
    Optional<Path> dir = Fixtures.sharedData();
    assumeTrue(dir.isPresent(), "shared data not present");
    data = ControlsReferenceData.load(dir.get());
  }

  @Test
  void euAnnexIHasAllItsHeadingsAndTheGeneralAuthorisationTexts() {
    ControlListVersion v = data.lists().list("EU-ANNEX-I").orElseThrow().latest().orElseThrow();
    assertThat(v.headings()).hasSize(384);
    assertThat(v.entry(ControlEntryCode.of("3A001.a.5.a.5"))).isPresent();
    assertThat(data.generalAuthorisations().get("EU001").orElseThrow().verbatimText())
        .contains("EU001");
    assertThat(data.euArticleTexts()).containsKey("Article 4 — Catch-all: WMD / military end-use");
  }

  @Test
  void bothCclVersionsAreLoadedAndComparable() {
    var versions = data.lists().list("US-CCL").orElseThrow().versions();
    assertThat(versions).hasSize(2);
    ControlListVersion xml = versions.get(1);
    assertThat(xml.headings().size()).isGreaterThan(600);
    assertThat(xml.entry(ControlEntryCode.of("3A001")).orElseThrow().usControls())
        .hasSizeGreaterThan(5);
    ListDiff d = ListDiff.between(versions.get(0), xml);
    assertThat(d.changes()).isNotEmpty();
  }

  @Test
  void countryChartAndGroupsMatchEveryCountryName() {
    assertThat(data.chart().unmatchedNames()).isEmpty();
    assertThat(data.chart().rows()).hasSizeGreaterThan(190);
    assertThat(data.groups().unmatchedNames()).isEmpty();
    assertThat(data.groups().isIn(CountryCode.of("CN"), "D:5")).isTrue();
  }

  @Test
  void searchFindsSampleRateEntries() {
    var hits = data.lists().search("EU-ANNEX-I", LocalDate.of(2026, 1, 1), "sample rate", 10);
    assertThat(hits).extracting(EntrySearch.Hit::code).anyMatch(c -> c.value().startsWith("3A"));
  }

  @Test
  void everyHeadingOfBothListsCanBeDeterminedForEveryKindOfDestination() {
    String[] destinations = {"CN", "DE", "RU", "AE", "CA", "GB", "IN", "CU", "BR"};
    java.util.Map<String, Integer> rules = new java.util.TreeMap<>();
    int lines = 0;
    for (String list : new String[] {"US-CCL", "EU-ANNEX-I"}) {
      ControlListVersion v = data.lists().list(list).orElseThrow().latest().orElseThrow();
      for (var heading : v.headings()) {
        for (String to : destinations) {
          DeterminationRequest.Builder b = DeterminationRequest.builder().to(to);
          if (list.equals("US-CCL")) {
            b.us(heading.code().value());
          } else {
            b.eu(heading.code().value());
          }
          Determination d = data.determiner().determine(b.build());
          assertThat(d.reasons()).isNotEmpty();
          d.reasons().forEach(r -> rules.merge(r.rule(), 1, Integer::sum));
          lines++;
        }
      }
    }
    System.out.println(lines + " lines; rules fired: " + rules);
    // Rows the engine cannot read stay rare: they are answered as licence-required, not cleared.
    assertThat(rules.getOrDefault("us.license-requirements-referral", 0)).isLessThan(lines / 20);
  }

  @Test
  void realDataGivesTheTextbookAnswers() {
    Determination cn =
        data.determiner().determine(DeterminationRequest.builder().us("2B001.a").to("CN").build());
    assertThat(cn.outcome()).isEqualTo(Outcome.LICENCE_REQUIRED);
    assertThat(cn.cites("15 CFR 742.4 — NS2 X for CN")).isTrue();
    Determination jp =
        data.determiner().determine(DeterminationRequest.builder().eu("2B001.a").to("JP").build());
    assertThat(jp.generalAuthorisations()).containsExactly("EU001");
    Determination ru =
        data.determiner()
            .determine(DeterminationRequest.builder().eu("3A001.a.1").to("RU").build());
    assertThat(ru.outcome()).isEqualTo(Outcome.PROHIBITED);
  }
}
