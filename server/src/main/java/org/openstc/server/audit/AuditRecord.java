package org.openstc.server.audit;

import java.time.Instant;

/** A stored audit record: the entry, who made it and when, and its link in the hash chain. */
public record AuditRecord(
    long seq,
    Instant occurredAt,
    String actor,
    Long organisationId,
    String action,
    String objectType,
    String objectId,
    String summary,
    String before,
    String after,
    String requestId,
    String prevHash,
    String hash) {}
