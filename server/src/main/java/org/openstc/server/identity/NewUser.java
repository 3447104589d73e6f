package org.openstc.server.identity;

import java.util.Set;

/**
 * A user to create. A null password means "generate a one-time password" that the user must change
 * at first login.
 */
public record NewUser(
    String username,
    String displayName,
    String email,
    String organisationName,
    Set<Role> roles,
    char[] password) {

  public NewUser {
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }
}
