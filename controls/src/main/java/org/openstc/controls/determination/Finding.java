package org.openstc.controls.determination;

/** What one policy found about a line; the determiner combines findings into an outcome. */
public sealed interface Finding {

  Jurisdiction jurisdiction();

  Reason reason();

  /** The transaction is prohibited. */
  record Prohibition(Jurisdiction jurisdiction, Reason reason) implements Finding {}

  /**
   * A licence is required; {@code relievable} says whether a general authorisation (EU) or a
   * licence exception (US) may relieve it, as for listing, unlike catch-all or embargo grounds.
   */
  record Requirement(Jurisdiction jurisdiction, Reason reason, boolean relievable)
      implements Finding {}

  /** A general authorisation covers the line (EU). */
  record Authorisation(Jurisdiction jurisdiction, String id, Reason reason) implements Finding {}

  /** A US licence exception the exporter may be able to use (candidate, conditions apply). */
  record ExceptionCandidate(Jurisdiction jurisdiction, String symbol, Reason reason)
      implements Finding {}

  /** A rule was checked and does not restrict the line; kept so the answer shows its basis. */
  record Clearance(Jurisdiction jurisdiction, Reason reason) implements Finding {}
}
