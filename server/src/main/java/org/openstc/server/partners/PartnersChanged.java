package org.openstc.server.partners;

import java.util.List;

/**
 * Published after partners were created, changed or imported, inside the same transaction, so that
 * screening can check them before the user sees the result.
 *
 * @param organisationId whose partners
 * @param partnerIds the partners whose screening facts are new or changed
 * @param trigger what caused it: "create", "update", "import"
 */
public record PartnersChanged(long organisationId, List<Long> partnerIds, String trigger) {

  public PartnersChanged {
    partnerIds = List.copyOf(partnerIds);
  }
}
