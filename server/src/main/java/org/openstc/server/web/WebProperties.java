package org.openstc.server.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the web layer.
 *
 * @param maxJsonBody largest JSON request body accepted by the API (default 2MB); larger bodies get
 *     413 before they are read
 */
@ConfigurationProperties("stc.web")
public record WebProperties(DataSize maxJsonBody) {

  public WebProperties {
    maxJsonBody = maxJsonBody == null ? DataSize.ofMegabytes(2) : maxJsonBody;
  }
}
