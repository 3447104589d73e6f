package org.openstc.server.audit;

import java.util.Optional;

/** Tells the audit trail who is acting in the current request, if anybody is signed in. */
@FunctionalInterface
public interface ActorProvider {

  Optional<Actor> currentActor();
}
