package org.openstc.controls.determination;

import java.util.List;
import java.util.Map;

/**
 * The answer for one line: the strictest outcome over the jurisdictions, the general authorisations
 * that cover it (when that is the outcome), candidate US licence exceptions, and every reason with
 * its legal basis; the outcome per jurisdiction is kept for callers that need it.
 */
public record Determination(
    Outcome outcome,
    List<String> generalAuthorisations,
    List<String> licenceExceptions,
    List<Reason> reasons,
    Map<Jurisdiction, Outcome> byJurisdiction) {

  public Determination {
    if (outcome == null) {
      throw new IllegalArgumentException("a determination needs an outcome");
    }
    generalAuthorisations = List.copyOf(generalAuthorisations);
    licenceExceptions = List.copyOf(licenceExceptions);
    reasons = List.copyOf(reasons);
    byJurisdiction = Map.copyOf(byJurisdiction);
  }

  /** Whether some reason cites the given legal basis (substring), e.g. "742.4 — NS2 X for CN". */
  public boolean cites(String legalBasis) {
    return reasons.stream().anyMatch(r -> r.legalBasis().contains(legalBasis));
  }
}
