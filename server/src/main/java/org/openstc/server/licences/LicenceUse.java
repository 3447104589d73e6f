package org.openstc.server.licences;

import java.math.BigDecimal;
import java.time.Instant;

/** One shipment recorded against a licence: the quantity and value it depleted. */
public record LicenceUse(
    long id,
    long licenceId,
    String licenceNumber,
    long transactionId,
    long lineId,
    BigDecimal quantity,
    BigDecimal value,
    String currency,
    Instant usedAt,
    String usedBy) {}
