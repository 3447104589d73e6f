package org.openstc.controls.determination;

import java.util.ArrayList;
import java.util.List;

/** Parties with undecided hits, asset freezes or US list designations stop or hold the line. */
public record PartyScreeningPolicy() implements Policy {

  @Override
  public boolean appliesTo(Jurisdiction jurisdiction) {
    return true;
  }

  @Override
  public List<Finding> evaluate(Line line, DeterminationData data) {
    if (line.request().screening().isEmpty()) {
      return List.of();
    }
    Jurisdiction j = line.jurisdiction();
    List<Finding> out = new ArrayList<>(2);
    for (PartyScreening s : line.request().screening()) {
      switch (s) {
        case UNRESOLVED_HIT ->
            out.add(
                new Finding.Requirement(
                    j,
                    new Reason(
                        j == Jurisdiction.EU
                            ? "eu.screening.unresolved-hit"
                            : "us.screening.unresolved-hit",
                        j == Jurisdiction.EU
                            ? "Asset-freeze provisions of the EU restrictive measures (e.g. Art. 2 Regulation (EU) 269/2014)"
                            : "15 CFR 736.2(b)(10) (General Prohibition Ten) and 31 CFR Part 501",
                        "A party has a screening hit nobody has decided yet: hold the line until an"
                            + " export control officer decides it."),
                    false));
        case EU_UN_ASSET_FREEZE -> {
          if (j == Jurisdiction.EU) {
            out.add(
                new Finding.Prohibition(
                    j,
                    new Reason(
                        "eu.screening.asset-freeze",
                        "Asset freeze: no economic resources may be made available to a designated"
                            + " person (e.g. Art. 2(2) Regulation (EU) 269/2014; UN designations"
                            + " implemented by Council regulations)",
                        "A party is designated under a UN or EU asset freeze.")));
          }
        }
        case US_SDN -> {
          if (j == Jurisdiction.US) {
            out.add(
                new Finding.Prohibition(
                    j,
                    new Reason(
                        "us.screening.ofac-sdn",
                        "31 CFR Part 501 and the OFAC programme regulations; 15 CFR 744.8",
                        "A party is a Specially Designated National (blocked person).")));
          }
        }
        case US_DENIED_PERSON -> {
          if (j == Jurisdiction.US) {
            out.add(
                new Finding.Prohibition(
                    j,
                    new Reason(
                        "us.screening.denied-person",
                        "15 CFR 736.2(b)(4) (General Prohibition Four)",
                        "A party is on the BIS Denied Persons List.")));
          }
        }
        case US_ENTITY_LIST -> {
          if (j == Jurisdiction.US) {
            out.add(
                new Finding.Requirement(
                    j,
                    new Reason(
                        "us.screening.entity-list",
                        "15 CFR 744.11 and Supplement No. 4 to Part 744",
                        "A party is on the Entity List: a licence is required for all items subject"
                            + " to the EAR, normally without licence exceptions."),
                    false));
          }
        }
        case CLEAR -> {
          // nothing to add: a clear screening is the normal case
        }
      }
    }
    return out;
  }
}
