package org.openstc.server.audit;

import java.time.Instant;

/**
 * Filters for listing audit records; null fields do not filter. {@code organisationId} restricts
 * the result to one organisation's records (users who do not span organisations always get it).
 */
public record AuditQuery(
    Long organisationId,
    String actor,
    String action,
    String objectType,
    String objectId,
    Instant from,
    Instant to,
    int page,
    int size) {

  public AuditQuery {
    page = Math.max(0, page);
    size = size <= 0 ? 50 : Math.min(size, 500);
  }

  public AuditQuery forOrganisation(Long organisation) {
    return new AuditQuery(organisation, actor, action, objectType, objectId, from, to, page, size);
  }
}
