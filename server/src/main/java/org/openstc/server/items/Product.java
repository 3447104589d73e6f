package org.openstc.server.items;

import java.time.Instant;

/** A product an exporter organisation makes or trades: part number, description, technical data. */
public record Product(
    long id,
    long organisationId,
    String organisationName,
    String partNumber,
    String description,
    String technicalData,
    Instant createdAt,
    String createdBy,
    boolean needsReview) {}
