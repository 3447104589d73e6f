package org.openstc.server.transactions;

import java.time.Instant;
import java.util.List;

/**
 * What one check of a transaction found: RELEASED, HELD or BLOCKED with every reason (plain
 * language and legal basis) and the determination of each line. {@code transactionId} and {@code
 * checkId} are set when the check ran against a stored transaction and was recorded.
 */
public record CheckResult(
    Long transactionId,
    Long checkId,
    String reference,
    Verdict result,
    List<Reason> reasons,
    List<LineResult> lines,
    Instant checkedAt) {

  public CheckResult {
    reasons = List.copyOf(reasons);
    lines = List.copyOf(lines);
  }

  /**
   * One reason: a stable code, what it concerns ("line 1", "consignee Acme"), its effect (HELD,
   * BLOCKED, or RELEASED for reasons that only explain), the plain explanation and the legal basis.
   */
  public record Reason(
      String code, String subject, Verdict effect, String explanation, String legalBasis) {}

  /**
   * A line's determination: the product, the classifications used, the engine's outcome, general
   * authorisations that apply, the licence that covers it (if any) and the line's own verdict.
   */
  public record LineResult(
      int line,
      long productId,
      String partNumber,
      List<String> classifications,
      String outcome,
      List<String> generalAuthorisations,
      Long licenceId,
      String licenceNumber,
      Verdict result,
      List<Reason> reasons) {}

  /** The reasons with the given effect (e.g. only what holds the transaction). */
  public List<Reason> reasons(Verdict effect) {
    return reasons.stream().filter(r -> r.effect() == effect).toList();
  }
}
