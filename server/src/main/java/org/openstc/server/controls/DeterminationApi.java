package org.openstc.server.controls;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openstc.controls.determination.DeterminationJson;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** "Do I need a licence for this?" over HTTP: the same JSON as {@code ./stc determine}. */
@RestController
@Tag(name = "Determinations", description = "Licence determination with the legal basis")
class DeterminationApi {

  private final ControlListCatalogue catalogue;

  DeterminationApi(ControlListCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @PostMapping(value = "/api/v1/determinations", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize(
      "hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER','CASEWORKER','SENIOR_CASEWORKER',"
          + "'ADMINISTRATOR')")
  @Operation(
      summary =
          "Determine one line: {jurisdiction, item, destination, endUse, activity, asOf} (or"
              + " classifications {EU: ..., US: ...}); answers outcome, general_authorisations,"
              + " licence_exceptions and reasons with their legal basis")
  ResponseEntity<String> determine(@RequestBody DeterminationInput body) {
    String json = DeterminationJson.write(catalogue.determine(body.toRequest()));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
  }
}
