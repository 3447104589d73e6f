package org.openstc.controls.determination;

import java.util.List;

/**
 * EAR end-use controls on WMD: a licence is required for any item subject to the EAR when the
 * exporter knows of a nuclear, missile or chemical/biological weapons end use (15 CFR 744.2, 744.3,
 * 744.4), or is informed by BIS; US persons' brokering and services for such uses (744.6). Military
 * end-use rules of § 744.21 are country measures in the restrictive measures data.
 */
public record UsEndUsePolicy() implements Policy {

  @Override
  public boolean appliesTo(Jurisdiction jurisdiction) {
    return jurisdiction == Jurisdiction.US;
  }

  @Override
  public List<Finding> evaluate(Line line, DeterminationData data) {
    if (!line.wmd()) {
      return List.of();
    }
    boolean services =
        line.activity() == Activity.BROKERING || line.activity() == Activity.TECHNICAL_ASSISTANCE;
    Reason reason =
        services
            ? new Reason(
                "us.wmd-activities",
                "15 CFR 744.6(b)",
                "A US person may not support (including by brokering or services) a nuclear,"
                    + " missile, chemical or biological weapons end use without a licence.")
            : new Reason(
                "us.wmd-end-use",
                "15 CFR 744.2, 744.3 and 744.4",
                "The exporter "
                    + (line.informed() ? "has been informed by BIS" : "knows")
                    + " that "
                    + line.item()
                    + " is for a nuclear, missile, chemical or biological"
                    + " weapons end use: a licence is required for any item subject to the EAR.");
    return List.of(new Finding.Requirement(Jurisdiction.US, reason, false));
  }
}
