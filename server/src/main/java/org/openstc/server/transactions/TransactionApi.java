package org.openstc.server.transactions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.openstc.server.identity.SignedInUser;
import org.openstc.server.licences.LicenceUse;
import org.openstc.server.problems.InvalidRequestException;
import org.openstc.server.transactions.internal.TransactionStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** JSON API for transactions: enter, check (the ERP's synchronous call), release, ship, export. */
@RestController
@RequestMapping("/api/v1/transactions")
@Tag(
    name = "Transactions",
    description = "Export orders and shipments, the transaction check, holds and releases")
class TransactionApi {

  static final String READERS =
      "hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER','ADMINISTRATOR')";
  static final String WRITERS = "hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER')";
  static final String OFFICERS = "hasRole('EXPORT_CONTROL_OFFICER')";

  private final Transactions transactions;
  private final AuditPacks packs;

  TransactionApi(Transactions transactions, AuditPacks packs) {
    this.transactions = transactions;
    this.packs = packs;
  }

  /**
   * A transaction as an ERP sends it; for {@code /check}, {@code transactionId} (or only a
   * reference of a stored transaction) checks the stored one and records the result, and {@code
   * eucDocumentOnFile} says the signed certificate is kept in the caller's system.
   */
  record TransactionRequest(
      Long transactionId,
      String reference,
      TransactionKind kind,
      String destination,
      List<String> transit,
      String endUse,
      String endUseStatement,
      List<TransactionDraft.LineDraft> lines,
      List<TransactionDraft.PartyDraft> parties,
      Map<RedFlag, Boolean> redFlags,
      EndUseCertificate euc,
      Boolean eucDocumentOnFile) {

    TransactionDraft draft() {
      return new TransactionDraft(
          reference,
          kind,
          destination,
          transit,
          endUse,
          endUseStatement,
          lines,
          parties,
          redFlags,
          euc);
    }
  }

  /** A stored transaction with its last check, overrides and licence uses. */
  record TransactionView(
      Transaction transaction,
      CheckResult lastCheck,
      List<TransactionOverride> overrides,
      List<LicenceUse> licenceUses) {}

  record LicenceAssignment(Long licenceId) {}

  record ReasonRequest(String reason) {}

  record OverrideDecision(Boolean approve, String reason) {}

  record LegalHoldRequest(Boolean hold, String reason) {}

  @GetMapping
  @PreAuthorize(READERS)
  @Operation(summary = "Transactions, newest first, filtered by status and reference text")
  List<TransactionStore.Summary> list(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam(required = false) TransactionStatus status,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "100") int limit) {
    return transactions.list(user, status, q, limit);
  }

  @PostMapping
  @PreAuthorize(WRITERS)
  @Operation(summary = "Enter a transaction; it is checked at once and the check is answered")
  ResponseEntity<CheckResult> create(
      @AuthenticationPrincipal SignedInUser user, @RequestBody TransactionRequest body) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(transactions.create(body(body).draft(), user));
  }

  @PostMapping("/check")
  @PreAuthorize(WRITERS)
  @Operation(
      summary =
          "Check a transaction synchronously: RELEASED, HELD or BLOCKED with every reason and its"
              + " legal basis. With transactionId (or the reference of a stored transaction and no"
              + " lines) the stored transaction is checked and the result recorded.")
  CheckResult check(
      @AuthenticationPrincipal SignedInUser user, @RequestBody TransactionRequest body) {
    TransactionRequest b = body(body);
    if (b.transactionId() != null) {
      return transactions.check(b.transactionId(), user);
    }
    if ((b.lines() == null || b.lines().isEmpty()) && b.reference() != null) {
      Long id =
          transactions
              .idByReference(user, b.reference().strip())
              .orElseThrow(() ->
                  new InvalidRequestException(
                      "reference: no stored transaction '"
                          + b.reference()
                          + "'; send lines and parties to check a new one"));
      return transactions.check(id, user);
    }
    return transactions.checkDraft(b.draft(), Boolean.TRUE.equals(b.eucDocumentOnFile()), user);
  }

  @GetMapping("/{id}")
  @PreAuthorize(READERS)
  TransactionView get(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
    return new TransactionView(
        transactions.get(id, user),
        transactions.lastCheck(id, user).orElse(null),
        transactions.overrides(id, user),
        transactions.licenceUses(id, user));
  }

  @PutMapping("/{id}")
  @PreAuthorize(WRITERS)
  @Operation(summary = "Replace a transaction's content (until shipped); it is checked again")
  CheckResult update(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestBody TransactionRequest body) {
    return transactions.update(id, body(body).draft(), user);
  }

  @PostMapping("/{id}/check")
  @PreAuthorize(WRITERS)
  @Operation(summary = "Check a stored transaction again and record the result")
  CheckResult recheck(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
    return transactions.check(id, user);
  }

  @GetMapping("/{id}/checks")
  @PreAuthorize(READERS)
  List<CheckResult> checks(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
    return transactions.checks(id, user);
  }

  @PostMapping("/{id}/euc")
  @PreAuthorize(WRITERS)
  @Operation(summary = "Attach the signed end-user certificate (multipart 'file')")
  CheckResult attachEuc(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestPart("file") MultipartFile file)
      throws IOException {
    try (var in = file.getInputStream()) {
      return transactions.attachEndUseCertificate(
          id, file.getOriginalFilename(), file.getContentType(), in, user);
    }
  }

  @PostMapping("/{id}/lines/{lineId}/licence")
  @PreAuthorize(OFFICERS)
  @Operation(summary = "Assign a licence or registration to a line (null removes it); re-checks")
  CheckResult assign(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @PathVariable long lineId,
      @RequestBody LicenceAssignment body) {
    return transactions.assignLicence(id, lineId, body == null ? null : body.licenceId(), user);
  }

  @PostMapping("/{id}/overrides")
  @PreAuthorize(OFFICERS)
  @Operation(summary = "Document an override of the hold; a second officer must approve it")
  ResponseEntity<TransactionOverride> requestOverride(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestBody ReasonRequest body) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(transactions.requestOverride(id, body == null ? null : body.reason(), user));
  }

  @PostMapping("/{id}/overrides/{overrideId}/decision")
  @PreAuthorize(OFFICERS)
  @Operation(summary = "A second officer approves or refuses an override; re-checks")
  CheckResult decideOverride(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @PathVariable long overrideId,
      @RequestBody OverrideDecision body) {
    if (body == null || body.approve() == null) {
      throw new InvalidRequestException("approve: true or false is required");
    }
    return transactions.decideOverride(id, overrideId, body.approve(), body.reason(), user);
  }

  @PostMapping("/{id}/ship")
  @PreAuthorize(WRITERS)
  @Operation(
      summary =
          "Ship: re-checks if anything changed, refuses (409) unless RELEASED, records licence"
              + " depletion and starts the retention period")
  CheckResult ship(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
    return transactions.ship(id, user);
  }

  @PostMapping("/{id}/legal-hold")
  @PreAuthorize(OFFICERS)
  @Operation(summary = "Set or lift a legal hold (kept past retention)")
  Transaction legalHold(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestBody LegalHoldRequest body) {
    if (body == null || body.hold() == null) {
      throw new InvalidRequestException("hold: true or false is required");
    }
    return transactions.legalHold(id, body.hold(), body.reason(), user);
  }

  @GetMapping("/audit-pack")
  @PreAuthorize("hasAnyRole('EXPORT_CONTROL_OFFICER','ADMINISTRATOR')")
  @Operation(summary = "The audit pack of every transaction entered in a period (from, to: dates)")
  void periodAuditPack(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam java.time.LocalDate from,
      @RequestParam java.time.LocalDate to,
      HttpServletResponse response)
      throws IOException {
    if (to.isBefore(from)) {
      throw new InvalidRequestException("to: before from");
    }
    response.setContentType("application/zip");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"audit-pack-" + from + "-" + to + ".zip\"");
    packs.writePeriod(from, to, user, response.getOutputStream());
  }

  @GetMapping("/{id}/audit-pack")
  @PreAuthorize("hasAnyRole('EXPORT_CONTROL_OFFICER','ADMINISTRATOR')")
  @Operation(summary = "The audit pack: ZIP with JSON of every step and a PDF summary")
  void auditPack(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      HttpServletResponse response)
      throws IOException {
    Transaction t = transactions.get(id, user);
    response.setContentType("application/zip");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"audit-pack-"
            + t.reference().replaceAll("[^A-Za-z0-9._-]", "_")
            + ".zip\"");
    packs.write(id, user, response.getOutputStream());
  }

  private static TransactionRequest body(TransactionRequest body) {
    if (body == null) {
      throw new InvalidRequestException("body: a transaction is required");
    }
    return body;
  }
}
