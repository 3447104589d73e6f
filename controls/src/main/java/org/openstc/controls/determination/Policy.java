package org.openstc.controls.determination;

import java.util.List;

/**
 * A named, pure licensing rule: given a line and the reference data it returns its findings, each
 * with the legal reason. The determiner runs every policy that applies and combines the findings.
 */
public sealed interface Policy
    permits PartyScreeningPolicy,
        EmbargoPolicy,
        EuDualUseListPolicy,
        EuCatchAllPolicy,
        EuMilitaryListPolicy,
        EuGeneralAuthorisationPolicy,
        UsCountryChartPolicy,
        UsEndUsePolicy {

  /** Whether the policy speaks for this jurisdiction at all. */
  boolean appliesTo(Jurisdiction jurisdiction);

  List<Finding> evaluate(Line line, DeterminationData data);
}
