package org.openstc.controls.determination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openstc.controls.io.ReferenceFiles;
import tools.jackson.databind.JsonNode;

class DeterminationJsonTest {

  @Test
  void rendersExactlyTheFourAgreedFieldsInOrder() {
    Determination d =
        new Determination(
            Outcome.GENERAL_AUTHORISATION,
            List.of("EU001"),
            List.of(),
            List.of(
                new Reason(
                    "eu.annex-i-listed", "Art. 3(1) Regulation (EU) 2021/821", "2B001 is listed")),
            Map.of(Jurisdiction.EU, Outcome.GENERAL_AUTHORISATION));
    JsonNode n =
        ReferenceFiles.readJson(
            new java.io.ByteArrayInputStream(
                DeterminationJson.write(d).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            "x");
    assertThat(n.propertyNames())
        .containsExactly("outcome", "general_authorisations", "licence_exceptions", "reasons");
    assertThat(n.get("outcome").asString()).isEqualTo("GENERAL_AUTHORISATION");
    assertThat(n.get("reasons").get(0).propertyNames())
        .containsExactly("rule", "legal_basis", "explanation");
  }

  @Test
  void strictestFindingWins() {
    Reason r = new Reason("x", "y", "z");
    assertThat(
            Determiner.combine(
                List.of(
                    new Finding.Requirement(Jurisdiction.EU, r, true),
                    new Finding.Authorisation(Jurisdiction.EU, "EU001", r))))
        .isEqualTo(Outcome.GENERAL_AUTHORISATION);
    assertThat(
            Determiner.combine(
                List.of(
                    new Finding.Requirement(Jurisdiction.EU, r, false),
                    new Finding.Authorisation(Jurisdiction.EU, "EU001", r))))
        .isEqualTo(Outcome.LICENCE_REQUIRED);
    assertThat(
            Determiner.combine(
                List.of(
                    new Finding.Prohibition(Jurisdiction.EU, r),
                    new Finding.Requirement(Jurisdiction.EU, r, true))))
        .isEqualTo(Outcome.PROHIBITED);
    assertThat(Determiner.combine(List.of(new Finding.Clearance(Jurisdiction.EU, r))))
        .isEqualTo(Outcome.NO_LICENCE_REQUIRED);
  }
}
