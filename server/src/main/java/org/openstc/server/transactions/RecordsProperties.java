package org.openstc.server.transactions;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long transaction records are kept.
 *
 * @param retentionYears years after the end of the calendar year of export (default 5, Art. 27
 *     Regulation (EU) 2021/821)
 * @param retentionByJurisdiction years per jurisdiction of the lines' classifications (e.g. {@code
 *     US: 5}); the longest that applies to a transaction wins
 */
@ConfigurationProperties("stc.records")
public record RecordsProperties(
    Integer retentionYears, Map<String, Integer> retentionByJurisdiction) {

  public RecordsProperties {
    retentionYears = retentionYears == null ? 5 : retentionYears;
    if (retentionYears < 1) {
      throw new IllegalArgumentException("stc.records.retention-years must be at least 1");
    }
    retentionByJurisdiction =
        retentionByJurisdiction == null ? Map.of() : Map.copyOf(retentionByJurisdiction);
  }
}
