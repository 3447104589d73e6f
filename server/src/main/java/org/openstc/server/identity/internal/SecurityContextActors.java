package org.openstc.server.identity.internal;

import java.util.Optional;
import org.openstc.server.audit.Actor;
import org.openstc.server.audit.ActorProvider;
import org.openstc.server.identity.SignedInUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Names the signed-in user of the current request as the audit actor. */
@Component
class SecurityContextActors implements ActorProvider {

  @Override
  public Optional<Actor> currentActor() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof SignedInUser user) {
      return Optional.of(new Actor(user.getUsername(), user.organisationId()));
    }
    return Optional.empty();
  }
}
