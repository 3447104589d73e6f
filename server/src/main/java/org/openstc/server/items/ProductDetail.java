package org.openstc.server.items;

import java.util.List;

/** A product with its classifications (newest first) and documents. */
public record ProductDetail(
    Product product,
    List<ProductClassification> classifications,
    List<ProductDocument> documents) {}
