package org.openstc.server.controls;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.openstc.controls.determination.DeterminationJson;
import org.openstc.controls.determination.DeterminationRequest;
import org.openstc.controls.determination.InvalidDeterminationRequest;
import org.openstc.controls.io.ReferenceDataException;
import org.openstc.controls.io.ReferenceFiles;
import org.openstc.server.problems.InvalidRequestException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** "Do I need a licence for this?" over HTTP: the same JSON as {@code ./stc determine}. */
@RestController
@Tag(name = "Determinations", description = "Licence determination with the legal basis")
class DeterminationApi {

  // The API's camelCase spellings beside the engine's snake_case ones.
  private static final Map<String, String> ALIASES =
      Map.of(
          "endUse", "end_use",
          "asOf", "as_of",
          "informedByAuthority", "informed_by_authority",
          "classifications", "items");

  private final ControlListCatalogue catalogue;

  DeterminationApi(ControlListCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @PostMapping(
      value = "/api/v1/determinations",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize(
      "hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER','CASEWORKER','SENIOR_CASEWORKER',"
          + "'ADMINISTRATOR')")
  @Operation(
      summary =
          "Determine one line: {jurisdiction, item} or {items: {EU, US}}, destination, region,"
              + " transit, activity, end_use, informed_by_authority, screening, facts, as_of"
              + " (camelCase accepted); answers outcome, general_authorisations,"
              + " licence_exceptions and reasons with their legal basis")
  ResponseEntity<String> determine(@RequestBody String body) {
    JsonNode n;
    try {
      n =
          ReferenceFiles.readJson(
              new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), "request body");
    } catch (ReferenceDataException e) {
      throw new InvalidRequestException(e.getMessage());
    }
    DeterminationRequest request;
    try {
      request = DeterminationJson.readRequest(snakeCase(n), LocalDate.now());
    } catch (InvalidDeterminationRequest | IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
    String json = DeterminationJson.write(catalogue.determine(request));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
  }

  private static JsonNode snakeCase(JsonNode n) {
    if (!(n instanceof ObjectNode o)) {
      return n;
    }
    ObjectNode out = o.deepCopy();
    ALIASES.forEach((camel, snake) -> {
      if (out.has(camel) && !out.has(snake)) {
        out.set(snake, out.remove(camel));
      }
    });
    return out;
  }
}
