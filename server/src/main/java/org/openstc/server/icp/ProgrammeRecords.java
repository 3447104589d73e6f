package org.openstc.server.icp;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The records of an organisation's Internal Compliance Programme, as value types. */
public final class ProgrammeRecords {

  private ProgrammeRecords() {}

  /** Management's signed commitment statement. */
  public record Commitment(
      long id,
      String statement,
      String signedBy,
      LocalDate signedOn,
      Instant recordedAt,
      String recordedBy) {}

  /** A named responsibility: the export control officer, a deputy, a member of the team. */
  public record Responsibility(
      long id, String person, String function, String duties, LocalDate since) {}

  /** A completed training of a person, with its expiry (refresher due). */
  public record Training(
      long id, String person, String course, LocalDate completedOn, LocalDate expiresOn) {

    public boolean currentOn(LocalDate day) {
      return expiresOn == null || !expiresOn.isBefore(day);
    }
  }

  /** An internal audit and its findings. */
  public record Audit(
      long id, String title, LocalDate heldOn, String auditor, List<Finding> findings) {

    public Audit {
      findings = List.copyOf(findings);
    }
  }

  /** A finding with its corrective action, tracked until closed. */
  public record Finding(
      long id,
      long auditId,
      String description,
      String correctiveAction,
      String owner,
      LocalDate dueOn,
      Instant closedAt,
      String closedBy,
      String closingNote) {

    public boolean open() {
      return closedAt == null;
    }
  }

  /** A report through the escalation / whistle-blowing channel. */
  public record Escalation(
      long id,
      String subject,
      String body,
      boolean anonymous,
      String reportedBy,
      Instant reportedAt,
      String status,
      String resolution,
      String resolvedBy,
      Instant resolvedAt) {}

  /** A self-assessment: a score of 0 (absent) to 4 (embedded) per element. */
  public record SelfAssessment(
      long id,
      LocalDate assessedOn,
      String assessedBy,
      Map<IcpElement, Integer> scores,
      String notes) {

    public SelfAssessment {
      scores = Map.copyOf(scores);
    }

    public int total() {
      return scores.values().stream().mapToInt(Integer::intValue).sum();
    }
  }
}
