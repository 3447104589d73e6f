package org.openstc.server.items;

import java.time.Instant;

/** A file attached to a product (datasheet, drawing, manual), kept in the data folder. */
public record ProductDocument(
    long id,
    long productId,
    String fileName,
    String contentType,
    long sizeBytes,
    String sha256,
    Instant uploadedAt,
    String uploadedBy) {}
