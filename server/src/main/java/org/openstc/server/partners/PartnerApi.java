package org.openstc.server.partners;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import org.openstc.server.audit.Actor;
import org.openstc.server.identity.SignedInUser;
import org.openstc.server.problems.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** JSON API for business partners and their bulk import. */
@RestController
@RequestMapping("/api/v1/partners")
@Tag(name = "Partners", description = "Business partners; each is screened on create and change")
class PartnerApi {

  private static final String READERS =
      "hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER','ADMINISTRATOR')";

  private final Partners partners;
  private final PartnerImports imports;

  PartnerApi(Partners partners, PartnerImports imports) {
    this.partners = partners;
    this.imports = imports;
  }

  /** A partner as sent by API callers. */
  record PartnerRequest(
      String reference,
      String name,
      List<String> aliases,
      PartyType type,
      Set<PartnerRole> roles,
      String country,
      String address,
      String city,
      String postalCode,
      String birthDate,
      List<String> identifiers,
      String notes) {

    PartnerDraft draft() {
      return new PartnerDraft(
          reference,
          name,
          aliases,
          type,
          roles,
          country,
          address,
          city,
          postalCode,
          birthDate,
          identifiers,
          notes);
    }
  }

  record Page(long total, int page, int size, List<Partner> partners) {}

  @GetMapping
  @PreAuthorize(READERS)
  @Operation(summary = "Partners, filtered by text (name or reference) and status")
  Page list(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) PartnerStatus status,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return new Page(
        partners.count(user.organisationScope(), q, status),
        page,
        size,
        partners.search(user.organisationScope(), q, status, page, size));
  }

  @GetMapping("/{id}")
  @PreAuthorize(READERS)
  Partner get(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
    return partners.get(id, user.organisationScope());
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(PartnerController.WRITERS)
  @Operation(summary = "Create a partner; it is screened before the response")
  Partner create(@AuthenticationPrincipal SignedInUser user, @RequestBody PartnerRequest body) {
    return partners.create(user.organisationId(), draft(body));
  }

  @PutMapping("/{id}")
  @PreAuthorize(PartnerController.WRITERS)
  @Operation(summary = "Replace a partner's data; changed screening facts re-screen it")
  Partner update(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestBody PartnerRequest body) {
    return partners.update(id, user.organisationScope(), draft(body));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize(PartnerController.WRITERS)
  void archive(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
    partners.archive(id, user.organisationScope());
  }

  @PostMapping(value = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize(PartnerController.WRITERS)
  @Operation(summary = "Start a bulk import of a CSV or XLSX file; poll its status")
  ResponseEntity<PartnerImport> startImport(
      @AuthenticationPrincipal SignedInUser user, @RequestPart("file") MultipartFile file)
      throws IOException {
    if (file.isEmpty()) {
      throw new InvalidRequestException("file: empty upload");
    }
    Path temp = Files.createTempFile("openstc-partners-", ".upload");
    try (var in = file.getInputStream()) {
      Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
    }
    PartnerImport job =
        imports.start(
            user.organisationId(),
            new Actor(user.getUsername(), user.organisationId()),
            temp,
            file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename());
    return ResponseEntity.accepted()
        .header("Location", "/api/v1/partners/imports/" + job.id())
        .body(job);
  }

  @GetMapping("/imports/{id}")
  @PreAuthorize(PartnerController.WRITERS)
  PartnerImport importStatus(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
    return imports.status(id, user.organisationScope());
  }

  private static PartnerDraft draft(PartnerRequest body) {
    if (body == null) {
      throw new InvalidRequestException("body: a partner is required");
    }
    try {
      return body.draft();
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
  }
}
