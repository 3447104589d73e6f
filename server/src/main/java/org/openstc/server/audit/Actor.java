package org.openstc.server.audit;

/**
 * Who did something: a user name (or {@code system}, {@code cli:NAME}) and the organisation it
 * acted for, when there is one.
 */
public record Actor(String name, Long organisationId) {

  public static final Actor SYSTEM = new Actor("system", null);

  public Actor {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an actor needs a name");
    }
  }
}
