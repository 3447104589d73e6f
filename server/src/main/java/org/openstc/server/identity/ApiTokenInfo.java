package org.openstc.server.identity;

import java.time.Instant;

/** An API token as listed to its owner: never the token itself, only its first characters. */
public record ApiTokenInfo(
    long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

  public boolean active() {
    return revokedAt == null;
  }
}
