package org.openstc.server.items;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the products module.
 *
 * @param maxDocumentSize largest document accepted for a product (default 20MB)
 */
@ConfigurationProperties("stc.items")
public record ItemsProperties(DataSize maxDocumentSize) {

  public ItemsProperties {
    maxDocumentSize = maxDocumentSize == null ? DataSize.ofMegabytes(20) : maxDocumentSize;
  }
}
