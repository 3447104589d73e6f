package org.openstc.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openstc.controls.determination.DeterminationRequest;
import org.openstc.controls.determination.InvalidDeterminationRequest;
import org.openstc.controls.determination.Outcome;
import org.openstc.controls.measure.RestrictiveMeasures;

class ControlsReferenceDataTest {

  @Test
  void withoutSharedDataTheBundledMilitaryListStillAnswers(@TempDir Path empty) {
    ControlsReferenceData data = ControlsReferenceData.load(empty);
    assertThat(data.loaded()).hasSize(1);
    assertThat(
            data.determiner()
                .determine(DeterminationRequest.builder().eu("ML1").to("LY").build())
                .outcome())
        .isEqualTo(Outcome.PROHIBITED);
    assertThatThrownBy(() ->
            data.determiner()
                .determine(DeterminationRequest.builder().eu("2B001").to("CN").build()))
        .isInstanceOf(InvalidDeterminationRequest.class)
        .hasMessageContaining("not loaded");
  }

  @Test
  void fileDatesComeFromTheirNames() {
    assertThat(ControlsReferenceData.dateIn(Path.of("title-15-part-774-2026-09-01.xml")))
        .isEqualTo(LocalDate.of(2026, 9, 1));
    assertThat(
            ControlsReferenceData.dateIn(Path.of("eu-dual-use-annex-i-02021R0821-20251115.json")))
        .isEqualTo(LocalDate.of(2025, 11, 15));
  }

  @Test
  void editedMeasuresTakeEffectInANewSnapshot() {
    ControlsReferenceData data = Fixtures.data();
    RestrictiveMeasures none = new RestrictiveMeasures(java.util.List.of(), "empty");
    ControlsReferenceData edited = data.withMeasures(none);
    DeterminationRequest r =
        DeterminationRequest.builder().eu("2B001").to("RU").asOf(LocalDate.of(2026, 10, 1)).build();
    assertThat(data.determiner().determine(r).outcome()).isEqualTo(Outcome.PROHIBITED);
    assertThat(edited.determiner().determine(r).outcome()).isEqualTo(Outcome.LICENCE_REQUIRED);
  }
}
