package org.openstc.controls.determination;

import java.time.LocalDate;
import org.openstc.controls.authorisation.GeneralAuthorisations;
import org.openstc.controls.authorisation.LicenceExceptionCatalog;
import org.openstc.controls.country.Countries;
import org.openstc.controls.country.CountryChart;
import org.openstc.controls.country.CountryGroups;
import org.openstc.controls.list.ControlList;
import org.openstc.controls.list.ControlListVersion;
import org.openstc.controls.measure.RestrictiveMeasures;

/**
 * The reference data the policies read: the EU dual-use and military lists, the US CCL, countries,
 * the Country Chart and Groups, restrictive measures, general authorisations and licence
 * exceptions. US parts may be null when the shared data is absent; US determinations then fail.
 */
public record DeterminationData(
    ControlList euDualUse,
    ControlList euMilitary,
    ControlList usCcl,
    Countries countries,
    CountryChart chart,
    CountryGroups groups,
    RestrictiveMeasures measures,
    GeneralAuthorisations generalAuthorisations,
    LicenceExceptionCatalog licenceExceptions) {

  public DeterminationData {
    if (countries == null || measures == null || generalAuthorisations == null) {
      throw new IllegalArgumentException("countries, measures and authorisations are required");
    }
    if (licenceExceptions == null) {
      licenceExceptions = LicenceExceptionCatalog.minimal();
    }
  }

  ControlListVersion euDualUseAsOf(LocalDate date) {
    return version(euDualUse, date, "EU dual-use list (Annex I)");
  }

  ControlListVersion euMilitaryAsOf(LocalDate date) {
    return version(euMilitary, date, "EU Common Military List");
  }

  ControlListVersion usCclAsOf(LocalDate date) {
    return version(usCcl, date, "US Commerce Control List");
  }

  private static ControlListVersion version(ControlList list, LocalDate date, String what) {
    if (list == null) {
      throw new InvalidDeterminationRequest(what + " is not loaded");
    }
    // Before the earliest loaded version the engine answers with that version and says so (the
    // Determiner adds a reason), so that questions about past embargoes still get an answer.
    return list.asOf(date)
        .or(() -> list.versions().stream().findFirst())
        .orElseThrow(
            () -> new InvalidDeterminationRequest("no version of the " + what + " is loaded"));
  }
}
