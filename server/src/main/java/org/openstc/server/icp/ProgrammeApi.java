package org.openstc.server.icp;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Map;
import org.openstc.server.identity.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the Internal Compliance Programme. */
@RestController
@RequestMapping("/api/v1/icp")
@Tag(
    name = "ICP",
    description = "Internal Compliance Programme: records, self-assessment, dashboard")
@PreAuthorize(ProgrammeApi.OFFICERS)
class ProgrammeApi {

  static final String OFFICERS = "hasRole('EXPORT_CONTROL_OFFICER')";
  static final String EXPORTER_USERS = "hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER')";

  private final Programme programme;

  ProgrammeApi(Programme programme) {
    this.programme = programme;
  }

  record CommitmentRequest(String statement, String signedBy, LocalDate signedOn) {}

  record ResponsibilityRequest(String person, String function, String duties, LocalDate since) {}

  record TrainingRequest(
      String person, String course, LocalDate completedOn, LocalDate expiresOn) {}

  record AuditRequest(String title, LocalDate heldOn, String auditor) {}

  record FindingRequest(
      String description, String correctiveAction, String owner, LocalDate dueOn) {}

  record NoteRequest(String note) {}

  record EscalationRequest(String subject, String body, Boolean anonymous) {}

  record AssessmentRequest(Map<IcpElement, Integer> scores, String notes) {}

  record Created(long id) {}

  @GetMapping("/dashboard")
  @Operation(summary = "Charts and the evidence per element of the seven")
  Dashboard dashboard(@AuthenticationPrincipal SignedInUser user) {
    return programme.dashboard(user);
  }

  @GetMapping
  @Operation(summary = "Commitment, responsibilities, training, audits, escalations, assessments")
  Programme.Overview overview(@AuthenticationPrincipal SignedInUser user) {
    return programme.overview(user);
  }

  @PostMapping("/commitment")
  @ResponseStatus(HttpStatus.CREATED)
  ProgrammeRecords.Commitment commitment(
      @AuthenticationPrincipal SignedInUser user, @RequestBody CommitmentRequest b) {
    return programme.recordCommitment(b.statement(), b.signedBy(), b.signedOn(), user);
  }

  @PostMapping("/responsibilities")
  @ResponseStatus(HttpStatus.CREATED)
  ProgrammeRecords.Responsibility responsibility(
      @AuthenticationPrincipal SignedInUser user, @RequestBody ResponsibilityRequest b) {
    return programme.name(b.person(), b.function(), b.duties(), b.since(), user);
  }

  @PostMapping("/trainings")
  @ResponseStatus(HttpStatus.CREATED)
  ProgrammeRecords.Training training(
      @AuthenticationPrincipal SignedInUser user, @RequestBody TrainingRequest b) {
    return programme.recordTraining(b.person(), b.course(), b.completedOn(), b.expiresOn(), user);
  }

  @PostMapping("/audits")
  @ResponseStatus(HttpStatus.CREATED)
  Created audit(@AuthenticationPrincipal SignedInUser user, @RequestBody AuditRequest b) {
    return new Created(programme.recordAudit(b.title(), b.heldOn(), b.auditor(), user));
  }

  @PostMapping("/audits/{auditId}/findings")
  @ResponseStatus(HttpStatus.CREATED)
  ProgrammeRecords.Finding finding(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long auditId,
      @RequestBody FindingRequest b) {
    return programme.addFinding(
        auditId, b.description(), b.correctiveAction(), b.owner(), b.dueOn(), user);
  }

  @PostMapping("/findings/{id}/closure")
  ProgrammeRecords.Finding close(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestBody NoteRequest b) {
    return programme.closeFinding(id, b.note(), user);
  }

  @PostMapping("/escalations")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(EXPORTER_USERS)
  @Operation(summary = "Report a concern; anonymous reports record no name")
  Created escalate(@AuthenticationPrincipal SignedInUser user, @RequestBody EscalationRequest b) {
    return new Created(
        programme.escalate(b.subject(), b.body(), Boolean.TRUE.equals(b.anonymous()), user));
  }

  @PostMapping("/self-assessments")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Score each of the seven elements from 0 (absent) to 4 (embedded)")
  ProgrammeRecords.SelfAssessment assess(
      @AuthenticationPrincipal SignedInUser user, @RequestBody AssessmentRequest b) {
    return programme.assess(b.scores(), b.notes(), user);
  }
}
