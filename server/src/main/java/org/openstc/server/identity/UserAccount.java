package org.openstc.server.identity;

import java.time.Instant;
import java.util.Set;

/** A user as shown to administrators: never carries the password hash. */
public record UserAccount(
    long id,
    String username,
    String displayName,
    String email,
    long organisationId,
    String organisationName,
    Set<Role> roles,
    boolean enabled,
    boolean mustChangePassword,
    int failedLogins,
    Instant lockedUntil,
    Instant createdAt,
    Instant lastLoginAt) {

  public boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }
}
