package org.openstc.server.screening;

import java.time.Instant;

/**
 * What one screening pass changed for one organisation: after an import, a list update or a full
 * re-screen ("3 new alerts, 1 alert closed because the entry was delisted").
 */
public record ScreeningRun(
    long id,
    long organisationId,
    String trigger,
    String description,
    int partnersScreened,
    int newAlerts,
    int reopenedAlerts,
    int closedAlerts,
    Instant startedAt,
    long durationMs) {

  /** A sentence for the officer. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    sb.append(newAlerts).append(newAlerts == 1 ? " new alert" : " new alerts");
    if (reopenedAlerts > 0) {
      sb.append(", ")
          .append(reopenedAlerts)
          .append(reopenedAlerts == 1 ? " alert reopened" : " alerts reopened");
    }
    if (closedAlerts > 0) {
      sb.append(", ")
          .append(closedAlerts)
          .append(
              closedAlerts == 1
                  ? " alert closed because the entry was delisted"
                  : " alerts closed because the entries were delisted");
    }
    return sb.toString();
  }
}
