package org.openstc.controls.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openstc.controls.country.CountryCode;
import org.openstc.controls.io.ReferenceFiles;

class RestrictiveMeasuresTest {

  private final RestrictiveMeasures measures = RestrictiveMeasures.bundled();

  @Test
  void curatedMeasuresCoverTheRequiredRegimes() {
    for (String id :
        List.of(
            "EU-RU-DUALUSE",
            "EU-RU-ANNEX-VII",
            "EU-BY-DUALUSE",
            "EU-IR-UAV",
            "EU-KP-DUALUSE",
            "EU-SY-ARMS",
            "EU-MM-DUALUSE",
            "EU-CN-ARMS",
            "EU-VE-ARMS",
            "EU-ZW-ARMS",
            "UN-KP-ARMS",
            "UN-LY-ARMS",
            "UN-SO-ALSHABAAB",
            "UN-SS-ARMS",
            "UN-CF-ARMED-GROUPS",
            "UN-CD-ARMS",
            "UN-SD-DARFUR",
            "UN-IQ-ARMS",
            "UN-LB-ARMS",
            "UN-YE-ARMS",
            "UN-HT-ARMS",
            "US-CU-746.2",
            "US-IR-746.7",
            "US-KP-746.4",
            "US-SY-746.9",
            "US-UA-CRIMEA-746.6",
            "US-RU-746.8",
            "US-BY-746.8")) {
      assertThat(measures.all()).as(id).anyMatch(m -> m.id().equals(id));
    }
  }

  @Test
  void everyMeasureCitesItsActAndDates() {
    for (RestrictiveMeasure m : measures.all()) {
      assertThat(m.legalAct()).as(m.id()).isNotBlank();
      assertThat(m.from()).as(m.id()).isBefore(LocalDate.of(2027, 1, 1));
    }
  }

  @Test
  void drCongoIsCodedCdNotCg() {
    assertThat(measures.against(CountryCode.of("CD"))).anyMatch(m -> m.id().equals("UN-CD-ARMS"));
    assertThat(measures.against(CountryCode.of("CG"))).isEmpty();
  }

  @Test
  void armsEmbargoStatusFollowsTheDates() {
    assertThat(measures.armsEmbargoed(CountryCode.of("ER"), LocalDate.of(2015, 1, 1))).isTrue();
    assertThat(measures.armsEmbargoed(CountryCode.of("ER"), LocalDate.of(2019, 1, 1))).isFalse();
    assertThat(measures.armsEmbargoed(CountryCode.of("CN"), LocalDate.of(2026, 1, 1))).isTrue();
    assertThat(measures.armsEmbargoed(CountryCode.of("JP"), LocalDate.of(2026, 1, 1))).isFalse();
  }

  @Test
  void administratorEditsRoundTripThroughJson() {
    RestrictiveMeasure added =
        new RestrictiveMeasure(
            "EU-XX-TEST",
            Imposer.EU,
            CountryCode.of("MD"),
            null,
            "test",
            "Council Decision (CFSP) 2099/1",
            "Art. 1",
            ItemScope.MILITARY_ITEMS,
            null,
            null,
            null,
            Effect.PROHIBITION,
            LocalDate.of(2099, 1, 1),
            null,
            null,
            null);
    RestrictiveMeasures edited = measures.with(added);
    RestrictiveMeasures again =
        RestrictiveMeasures.read(
            ReferenceFiles.readJson(
                new java.io.ByteArrayInputStream(
                    edited
                        .write("2026-11-22")
                        .toString()
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "edited"),
            "edited");
    assertThat(again.all()).hasSize(measures.all().size() + 1);
    assertThat(again.against(CountryCode.of("MD")))
        .extracting(RestrictiveMeasure::id)
        .containsExactly("EU-XX-TEST");
  }

  @Test
  void invalidMeasuresAreRejected() {
    assertThatThrownBy(() ->
            new RestrictiveMeasure(
                "X",
                Imposer.EU,
                CountryCode.of("MD"),
                null,
                "",
                "act",
                "",
                ItemScope.LISTED_ITEMS,
                null,
                null,
                null,
                Effect.PROHIBITION,
                LocalDate.of(2020, 1, 1),
                null,
                null,
                null))
        .hasMessageContaining("item_codes");
  }
}
