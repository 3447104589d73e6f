package org.openstc.server.licences;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.openstc.server.identity.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API for the licence register. */
@RestController
@RequestMapping("/api/v1/licences")
@Tag(name = "Licences", description = "Licence register: licences, registrations, depletion")
class LicenceApi {

  static final String READERS =
      "hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER','ADMINISTRATOR')";

  private final Licences licences;

  LicenceApi(Licences licences) {
    this.licences = licences;
  }

  record RevokeRequest(String reason) {}

  @GetMapping
  @PreAuthorize(READERS)
  @Operation(summary = "The register; expiring=true gives only those expiring within 60 days")
  List<Licence> list(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam(defaultValue = "false") boolean expiring) {
    return expiring
        ? licences.expiringSoon(user.organisationScope())
        : licences.list(user.organisationScope());
  }

  @PostMapping
  @PreAuthorize("hasRole('EXPORT_CONTROL_OFFICER')")
  @Operation(summary = "Register a licence or general-authorisation registration")
  ResponseEntity<Licence> register(
      @AuthenticationPrincipal SignedInUser user, @RequestBody LicenceDraft body) {
    if (body == null) {
      throw new org.openstc.server.problems.InvalidRequestException("body: a licence is required");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(licences.register(body, user));
  }

  @GetMapping("/{id}")
  @PreAuthorize(READERS)
  Licence get(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
    return licences.get(id, user.organisationScope());
  }

  @GetMapping("/{id}/uses")
  @PreAuthorize(READERS)
  @Operation(summary = "Shipments recorded against the licence")
  List<LicenceUse> uses(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
    return licences.uses(id, user.organisationScope());
  }

  @PostMapping("/{id}/revocation")
  @PreAuthorize("hasRole('EXPORT_CONTROL_OFFICER')")
  Licence revoke(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestBody RevokeRequest body) {
    return licences.revoke(id, body == null ? null : body.reason(), user);
  }
}
