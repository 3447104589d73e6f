package org.openstc.controls.determination;

import java.util.ArrayList;
import java.util.List;
import org.openstc.controls.authorisation.GeneralAuthorisation;
import org.openstc.controls.authorisation.TransactionFact;
import org.openstc.controls.country.Membership;
import org.openstc.controls.measure.Imposer;
import org.openstc.controls.measure.ItemScope;
import org.openstc.controls.measure.RestrictiveMeasure;

/**
 * Union general export authorisations EU001–EU008: the line is covered where the item, the
 * destination and the checkable conditions of Annex II fit; catch-all knowledge, a customs-free
 * zone or a missing required fact (repair, exhibition, intra-group, crypto standards) rule one out.
 */
public record EuGeneralAuthorisationPolicy() implements Policy {

  @Override
  public boolean appliesTo(Jurisdiction jurisdiction) {
    return jurisdiction == Jurisdiction.EU;
  }

  @Override
  public List<Finding> evaluate(Line line, DeterminationData data) {
    DeterminationRequest r = line.request();
    if (line.kind() != ItemKind.DUAL_USE
        || line.activity() != Activity.EXPORT
        || r.has(TransactionFact.CUSTOMS_FREE_ZONE)
        || line.wmd()
        || (r.endUse() == EndUse.MILITARY && line.armsEmbargoedDestination())) {
      return List.of();
    }
    if (data.countries().isMember(r.destination(), Membership.EU)) {
      return List.of();
    }
    List<Finding> out = null;
    int sectionI = -1; // computed on first need: the same for every authorisation
    for (GeneralAuthorisation ga : data.generalAuthorisations().all()) {
      if (!ga.coversDestination(r.destination())) {
        continue;
      }
      if (sectionI < 0) {
        sectionI = data.generalAuthorisations().inSectionI(line.code()) ? 1 : 0;
      }
      if (!data.generalAuthorisations().covers(ga, line.code(), sectionI == 1)) {
        continue;
      }
      if (ga.requiredFact() != null && !r.has(ga.requiredFact())) {
        continue;
      }
      if (ga.excludesGovernmentSecurityEndUsers()
          && (r.has(TransactionFact.GOVERNMENT_END_USER)
              || r.endUse() == EndUse.MILITARY
              || r.endUse() == EndUse.INTERNAL_REPRESSION)) {
        continue;
      }
      if (ga.excludesArmsEmbargoedDestinations() && embargoedForDualUse(line, data)) {
        continue;
      }
      if (out == null) {
        out = new ArrayList<>(2);
      }
      out.add(
          new Finding.Authorisation(
              Jurisdiction.EU,
              ga.id(),
              new Reason(
                  "eu.general-authorisation",
                  ga.legalBasis(),
                  ga.id()
                      + " ("
                      + ga.title()
                      + ") covers "
                      + line.item()
                      + " to "
                      + line.destination()
                      + ". Conditions: "
                      + ga.conditions())));
    }
    return out == null ? List.of() : out;
  }

  private static boolean embargoedForDualUse(Line line, DeterminationData data) {
    if (line.armsEmbargoedDestination()) {
      return true;
    }
    for (RestrictiveMeasure m :
        data.measures().inForce(line.request().destination(), line.request().asOf())) {
      if (m.imposer() != Imposer.US && m.items() == ItemScope.DUAL_USE_ITEMS) {
        return true;
      }
    }
    return false;
  }
}
