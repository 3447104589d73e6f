package org.openstc.server.screening;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Screening settings.
 *
 * @param threshold lowest score that opens an alert (default 0.80, the engine's tuned default)
 * @param maxHitsPerPartner most alerts one screening of a partner opens (default 10)
 * @param maxBatch most names in one API batch (default 1000)
 */
@ConfigurationProperties("stc.screening")
public record ScreeningProperties(Double threshold, Integer maxHitsPerPartner, Integer maxBatch) {

  public ScreeningProperties {
    threshold = threshold == null ? 0.80 : threshold;
    maxHitsPerPartner = maxHitsPerPartner == null ? 10 : maxHitsPerPartner;
    maxBatch = maxBatch == null ? 1000 : maxBatch;
  }
}
