package org.openstc.server.partners;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A business partner of one organisation: customer, consignee, end user, forwarder, bank ... with
 * the facts screening compares against the lists. The fingerprint changes whenever one of those
 * facts changes, which reopens remembered false positives.
 */
public record Partner(
    long id,
    long organisationId,
    String reference,
    String name,
    List<String> aliases,
    PartyType type,
    Set<PartnerRole> roles,
    String country,
    String address,
    String city,
    String postalCode,
    String birthDate,
    List<String> identifiers,
    String notes,
    PartnerStatus status,
    String fingerprint,
    Instant createdAt,
    Instant updatedAt,
    Instant lastScreenedAt) {

  public Partner {
    aliases = List.copyOf(aliases);
    roles = Set.copyOf(roles);
    identifiers = List.copyOf(identifiers);
  }
}
