package org.openstc.controls.country;

import java.util.Set;

/** A country with its English name and the memberships that matter for export controls. */
public record Country(CountryCode code, String name, Set<Membership> memberships) {

  public Country {
    if (code == null || name == null || name.isBlank()) {
      throw new IllegalArgumentException("country needs a code and a name");
    }
    memberships = Set.copyOf(memberships);
  }

  public boolean isMemberOf(Membership m) {
    return memberships.contains(m);
  }
}
