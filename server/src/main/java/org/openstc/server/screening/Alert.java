package org.openstc.server.screening;

import java.time.Instant;

/**
 * A possible match between a business partner and a listed entity, with the engine's explanation
 * and the list version it came from.
 */
public record Alert(
    long id,
    long organisationId,
    long partnerId,
    String partnerName,
    String listSource,
    String entityId,
    String entityName,
    Long listVersionId,
    String entityFingerprint,
    String partnerFingerprint,
    double score,
    String matchedName,
    String matchedNameKind,
    String explanation,
    AlertStatus status,
    String assignedTo,
    String reopenReason,
    String clearanceRequestedBy,
    String clearanceReason,
    Instant createdAt,
    Instant updatedAt) {}
