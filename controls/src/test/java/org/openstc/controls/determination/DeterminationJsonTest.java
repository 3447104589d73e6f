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
  void apiRequestJsonBecomesTheSameRequestAsTheBuilder() {
    JsonNode n =
        ReferenceFiles.readJson(
            new java.io.ByteArrayInputStream(
                ("{\"items\": {\"EU\": \"2B001.a\", \"US\": \"EAR99\"}, \"destination\": \"ua\","
                        + " \"region\": \"ua-43\", \"transit\": [\"PL\"], \"activity\": \"export\","
                        + " \"end_use\": \"military\", \"informed_by_authority\": true,"
                        + " \"facts\": [\"government-end-user\"], \"as_of\": \"2026-10-01\"}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            "request");
    DeterminationRequest r = DeterminationJson.readRequest(n, java.time.LocalDate.of(2000, 1, 1));
    assertThat(r.classifications())
        .containsEntry(
            Jurisdiction.EU,
            new Classification.Listed(org.openstc.controls.list.ControlEntryCode.of("2B001.a")))
        .containsEntry(Jurisdiction.US, new Classification.Ear99());
    assertThat(r.destinationRegion()).isEqualTo("UA-43");
    assertThat(r.knowledge()).isEqualTo(EndUseKnowledge.INFORMED_BY_AUTHORITY);
    assertThat(r.asOf()).isEqualTo(java.time.LocalDate.of(2026, 10, 1));
    assertThat(r.facts())
        .containsExactly(org.openstc.controls.authorisation.TransactionFact.GOVERNMENT_END_USER);
  }

  @Test
  void badApiRequestNamesTheField() {
    JsonNode n =
        ReferenceFiles.readJson(
            new java.io.ByteArrayInputStream(
                "{\"jurisdiction\": \"EU\", \"item\": \"2B001\", \"destination\": \"CN\", \"end_use\": \"peaceful\"}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            "request");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DeterminationJson.readRequest(n, java.time.LocalDate.now()))
        .isInstanceOf(InvalidDeterminationRequest.class)
        .hasMessageContaining("peaceful");
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
