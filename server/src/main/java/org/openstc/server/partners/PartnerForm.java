package org.openstc.server.partners;

import java.util.List;
import java.util.Set;

/** The partner form as posted by the page (list fields as text, one entry per line or ';'). */
record PartnerForm(
    String reference,
    String name,
    String aliases,
    PartyType type,
    List<PartnerRole> roles,
    String country,
    String address,
    String city,
    String postalCode,
    String birthDate,
    String identifiers,
    String notes) {

  static PartnerForm empty() {
    return new PartnerForm(
        null,
        null,
        null,
        PartyType.ORGANISATION,
        List.of(PartnerRole.CUSTOMER),
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  static PartnerForm of(Partner p) {
    return new PartnerForm(
        p.reference(),
        p.name(),
        String.join("\n", p.aliases()),
        p.type(),
        List.copyOf(p.roles()),
        p.country(),
        p.address(),
        p.city(),
        p.postalCode(),
        p.birthDate(),
        String.join("\n", p.identifiers()),
        p.notes());
  }

  PartnerDraft draft() {
    return new PartnerDraft(
        reference,
        name,
        PartnerDraft.splitList(aliases),
        type,
        roles == null ? Set.of() : Set.copyOf(roles),
        country,
        address,
        city,
        postalCode,
        birthDate,
        PartnerDraft.splitList(identifiers),
        notes);
  }
}
