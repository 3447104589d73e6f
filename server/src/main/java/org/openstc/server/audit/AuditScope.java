package org.openstc.server.audit;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Restricts audit queries to the caller's organisation unless the caller is an administrator. Reads
 * the organisation from the current {@link ActorProvider} so the audit module does not depend on
 * identity.
 */
@Component
class AuditScope {

  private final ActorProvider actors;

  AuditScope(ActorProvider actors) {
    this.actors = actors;
  }

  AuditQuery restrict(Authentication auth, AuditQuery query) {
    boolean admin =
        auth.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch("ROLE_ADMINISTRATOR"::equals);
    if (admin) {
      return query;
    }
    Long organisation = actors.currentActor().map(Actor::organisationId).orElse(Long.valueOf(-1));
    return query.forOrganisation(organisation == null ? -1L : organisation);
  }
}
