package org.openstc.server.screening;

import java.time.Instant;

/** One decision taken on an alert, with its reason and who took it. */
public record AlertDecision(
    long id, long alertId, String decision, String reason, String decidedBy, Instant decidedAt) {}
