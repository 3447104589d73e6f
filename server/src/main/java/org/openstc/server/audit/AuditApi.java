package org.openstc.server.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API over the audit trail. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The hash-chained audit trail")
class AuditApi {

  private final AuditTrail audit;
  private final AuditScope scope;

  AuditApi(AuditTrail audit, AuditScope scope) {
    this.audit = audit;
    this.scope = scope;
  }

  record Page(long total, int page, int size, List<AuditRecord> records) {}

  @GetMapping
  @PreAuthorize("hasAnyRole('ADMINISTRATOR','EXPORT_CONTROL_OFFICER','SENIOR_CASEWORKER')")
  @Operation(summary = "Audit records, newest first, filtered")
  Page list(
      Authentication auth,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String objectType,
      @RequestParam(required = false) String objectId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    AuditQuery query =
        scope.restrict(
            auth, AuditController.query(actor, action, objectType, objectId, from, to, page, size));
    return new Page(audit.count(query), query.page(), query.size(), audit.search(query));
  }

  @GetMapping("/verification")
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  @Operation(summary = "Re-compute the hash chain and report any edited or deleted record")
  AuditVerification verify() {
    return audit.verify();
  }
}
