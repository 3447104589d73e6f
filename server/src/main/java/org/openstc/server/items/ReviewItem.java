package org.openstc.server.items;

/** A classification waiting for an officer: a proposal to decide or an approval to re-check. */
public record ReviewItem(Product product, ProductClassification classification) {}
