package org.openstc.controls.country;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openstc.controls.Fixtures;

class CountryDataTest {

  private final Countries countries = Countries.bundled();

  @Test
  void membershipsHaveTheirPublishedSizes() {
    assertThat(countries.members(Membership.EU)).hasSize(27);
    assertThat(countries.members(Membership.WASSENAAR)).hasSize(42);
    assertThat(countries.members(Membership.NSG)).hasSize(48);
    assertThat(countries.members(Membership.MTCR)).hasSize(35);
    assertThat(countries.members(Membership.AUSTRALIA_GROUP)).hasSize(42);
    assertThat(countries.members(Membership.UN)).hasSize(193);
    assertThat(countries.members(Membership.CWC))
        .hasSize(193)
        .doesNotContain(CountryCode.of("EG"), CountryCode.of("IL"));
    assertThat(countries.sources().get(Membership.ATT).source()).contains("verify");
  }

  @Test
  void namesFromDifferentSourcesFindTheSameCountry() {
    assertThat(countries.byName("Burma")).contains(CountryCode.of("MM"));
    assertThat(countries.byName("Korea, South")).contains(CountryCode.of("KR"));
    assertThat(countries.byName("Türkiye")).contains(CountryCode.of("TR"));
    assertThat(countries.byName("Antigua and Barbuda")).contains(CountryCode.of("AG"));
    assertThat(countries.byName("Congo (Democratic Republic of the)"))
        .contains(CountryCode.of("CD"));
    assertThat(countries.require(CountryCode.of("DE")).name()).isEqualTo("Germany");
  }

  @Test
  void countryChartFixtureReadsMarksPointersAndInheritance() {
    CountryChart chart =
        CountryChart.readEcfrXml(
            Fixtures.path("part-738-fixture-2026-09-01.xml"), LocalDate.of(2026, 9, 1), countries);
    assertThat(chart.unmatchedNames()).isEmpty();
    assertThat(chart.isMarked(CountryCode.of("CN"), new ChartColumn("NS", 2))).isTrue();
    assertThat(chart.isMarked(CountryCode.of("DE"), new ChartColumn("NS", 2))).isFalse();
    assertThat(chart.isMarked(CountryCode.of("HK"), new ChartColumn("NS", 2))).isTrue();
    assertThat(chart.row(CountryCode.of("CU")).orElseThrow().embargoPointer()).contains("part 746");
    assertThat(chart.row(CountryCode.of("RU")).orElseThrow().footnotes())
        .anyMatch(f -> f.contains("746.8"));
  }

  @Test
  void countryGroupsComeFromJson() {
    CountryGroups g =
        CountryGroups.readJson(Fixtures.path("country-groups-fixture.json"), countries);
    assertThat(g.isIn(CountryCode.of("CN"), "D:5")).isTrue();
    assertThat(g.isIn(CountryCode.of("DE"), "A:5")).isTrue();
    assertThat(g.isIn(CountryCode.of("CU"), "E:2")).isTrue();
    assertThat(g.unmatchedNames()).isEmpty();
  }
}
