package org.openstc.server.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in rules.
 *
 * @param maxFailedLogins consecutive failed logins before an account is locked (default 5)
 * @param lockout how long the first lock lasts; each further failure doubles it (default 15m)
 * @param maxLockout the longest a lock lasts (default 24h)
 * @param minPasswordLength shortest password a user may choose (default 12)
 */
@ConfigurationProperties("stc.identity")
public record IdentityProperties(
    Integer maxFailedLogins, Duration lockout, Duration maxLockout, Integer minPasswordLength) {

  public IdentityProperties {
    maxFailedLogins = maxFailedLogins == null ? 5 : maxFailedLogins;
    lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
    maxLockout = maxLockout == null ? Duration.ofHours(24) : maxLockout;
    minPasswordLength = minPasswordLength == null ? 12 : minPasswordLength;
  }

  /** Lock duration after {@code failures} consecutive failures, or zero when not locked. */
  public Duration lockFor(int failures) {
    if (failures < maxFailedLogins) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - maxFailedLogins, 20);
    Duration d = lockout.multipliedBy(1L << doublings);
    return d.compareTo(maxLockout) > 0 ? maxLockout : d;
  }
}
